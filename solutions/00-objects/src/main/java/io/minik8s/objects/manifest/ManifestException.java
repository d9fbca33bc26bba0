package io.minik8s.objects.manifest;

/**
 * A manifest that cannot be decoded: bad YAML or JSON, a document that is not an object, a
 * missing {@code apiVersion} or {@code kind}, or a field of the wrong type. The message names the
 * document (counting from 1, empty documents included, as a user counts {@code ---} sections),
 * the line when the parser knows it, the field path when binding failed, and the problem:
 *
 * <pre>
 * document 2, line 7: mapping values are not allowed here
 * document 1: spec.replicas: expected an integer, got "three"
 * </pre>
 */
public class ManifestException extends IllegalArgumentException {

  private final int document;
  private final int line;
  private final String problem;

  /**
   * @param document the 1-based document number, or 0 when the input was not a document stream
   * @param line the 1-based line, or 0 when unknown
   * @param problem what is wrong, without the location
   */
  public ManifestException(int document, int line, String problem) {
    super(describe(document, line, problem));
    this.document = document;
    this.line = line;
    this.problem = problem;
  }

  private static String describe(int document, int line, String problem) {
    StringBuilder s = new StringBuilder();
    if (document > 0) {
      s.append("document ").append(document);
    }
    if (line > 0) {
      s.append(s.length() > 0 ? ", " : "").append("line ").append(line);
    }
    return s.length() == 0 ? problem : s + ": " + problem;
  }

  /** The 1-based document number, or 0 when not applicable. */
  public int document() {
    return document;
  }

  /** The 1-based line number, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** The problem, without the document and line. */
  public String problem() {
    return problem;
  }

  /** The same problem, located in document {@code document}. */
  public ManifestException inDocument(int document) {
    ManifestException located = new ManifestException(document, line, problem);
    located.initCause(getCause() != null ? getCause() : this);
    return located;
  }
}
