package io.minik8s.grader.mutation;

/**
 * One mutant PIT made of the reference and what the tests did to it, as read from PIT's
 * {@code mutations.xml}.
 *
 * @param mutatedClass binary name, {@code a.b.Outer$Inner}
 * @param sourceFile the file name only, {@code Outer.java}
 * @param status PIT's status: KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT, MEMORY_ERROR, RUN_ERROR, NON_VIABLE...
 * @param detected true when a test noticed the change (killed, timed out, crashed)
 */
public record Mutant(
    String mutatedClass,
    String sourceFile,
    String method,
    int line,
    String mutator,
    String description,
    String status,
    boolean detected) {

  /** The source file's path under the source root, {@code a/b/Outer.java}. */
  public String sourcePath() {
    int dot = mutatedClass.lastIndexOf('.');
    return dot < 0 ? sourceFile : mutatedClass.substring(0, dot).replace('.', '/') + "/" + sourceFile;
  }

  /** A mutant that could not be loaded (it does not verify) says nothing about the tests. */
  public boolean viable() {
    return !status.equals("NON_VIABLE");
  }

  /** The mutator's simple name, {@code NegateConditionalsMutator}. */
  public String mutatorName() {
    return mutator.substring(mutator.lastIndexOf('.') + 1);
  }
}
