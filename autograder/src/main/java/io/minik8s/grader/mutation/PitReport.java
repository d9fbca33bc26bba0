package io.minik8s.grader.mutation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads PIT's XML report ({@code outputFormats=XML}: {@code target/pit-reports/mutations.xml}). */
public final class PitReport {

  private PitReport() {}

  public static List<Mutant> read(Path xml) {
    try (InputStream in = Files.newInputStream(xml)) {
      return parse(in, xml.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("no PIT report at " + xml + ": run ./course mutation without --report-only first", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the PIT report " + xml, e);
    }
  }

  /** @param name shown in messages */
  public static List<Mutant> parse(InputStream xml, String name) throws IOException {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      root = builder.parse(xml).getDocumentElement();
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalStateException(name + " is not a PIT mutations.xml (" + e.getMessage()
          + "): delete it and run ./course mutation again", e);
    }
    if (!root.getTagName().equals("mutations")) {
      throw new IllegalStateException(name + " is not a PIT mutations.xml (its root is <" + root.getTagName()
          + ">): delete it and run ./course mutation again");
    }
    List<Mutant> mutants = new ArrayList<>();
    NodeList nodes = root.getElementsByTagName("mutation");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element m = (Element) nodes.item(i);
      mutants.add(
          new Mutant(
              text(m, "mutatedClass"),
              text(m, "sourceFile"),
              text(m, "mutatedMethod"),
              Integer.parseInt(text(m, "lineNumber")),
              text(m, "mutator"),
              text(m, "description"),
              m.getAttribute("status"),
              Boolean.parseBoolean(m.getAttribute("detected"))));
    }
    return List.copyOf(mutants);
  }

  private static String text(Element parent, String tag) {
    NodeList found = parent.getElementsByTagName(tag);
    return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
  }
}
