package io.minik8s.objects.labels;

/**
 * How a {@link Requirement} relates a label's value to its values. The symbol is how the operator
 * is written in a selector string.
 *
 * <p>Upstream: {@code selection.Operator} in k8s.io/apimachinery/pkg/selection/operator.go.
 */
public enum Operator {
  /** {@code env in (prod,qa)}: the label exists and its value is one of the values. */
  IN,
  /** {@code env notin (qa)}: the label is missing, or its value is none of the values. */
  NOT_IN,
  /** {@code app=web}: the label exists with exactly this value. */
  EQUALS,
  /** {@code app==web}: the same as {@link #EQUALS}, and printed back as {@code ==}. */
  DOUBLE_EQUALS,
  /** {@code tier!=db}: the label is missing, or has another value. */
  NOT_EQUALS,
  /** {@code canary}: the label exists, with any value. */
  EXISTS,
  /** {@code !canary}: the label does not exist. */
  DOES_NOT_EXIST,
  /** {@code replicas>2}: the label exists and, read as an integer, is greater. */
  GREATER_THAN,
  /** {@code replicas<2}: the label exists and, read as an integer, is smaller. */
  LESS_THAN
}
