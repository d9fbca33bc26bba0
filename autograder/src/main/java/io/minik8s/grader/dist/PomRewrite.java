package io.minik8s.grader.dist;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the instructor's poms build without {@code solutions/}: the reactor drops the
 * {@code solutions} module, and every dependency on a reference artifact ({@code minik8s-store})
 * becomes a dependency on the student's own module ({@code minik8s-store-exercise}), which has
 * the same API. Text edits, not an XML rewrite, so comments and layout survive.
 */
public final class PomRewrite {

  private static final Pattern SOLUTIONS_MODULE = Pattern.compile("(?m)^[ \\t]*<module>solutions</module>[ \\t]*\\R");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
  private static final Pattern OWN_ARTIFACT =
      Pattern.compile("</parent>.*?<artifactId>\\s*([^<\\s]+)\\s*</artifactId>", Pattern.DOTALL);

  private final Map<String, String> referenceToExercise;

  /** @param referenceToExercise e.g. {@code minik8s-store -> minik8s-store-exercise} */
  public PomRewrite(Map<String, String> referenceToExercise) {
    this.referenceToExercise = Map.copyOf(referenceToExercise);
  }

  public String rewrite(String pom) {
    String withoutSolutions = SOLUTIONS_MODULE.matcher(pom).replaceAll("");
    Matcher m = ARTIFACT.matcher(withoutSolutions);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = referenceToExercise.getOrDefault(m.group(1), m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement("<artifactId>" + replacement + "</artifactId>"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The artifactId a module pom declares for itself (the first one after its parent), or null. */
  public static String ownArtifactId(String pom) {
    Matcher m = OWN_ARTIFACT.matcher(pom);
    return m.find() ? m.group(1) : null;
  }
}
