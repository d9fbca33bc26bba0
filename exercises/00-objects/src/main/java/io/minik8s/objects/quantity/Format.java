package io.minik8s.objects.quantity;

/**
 * How a {@link Quantity} is written. A quantity remembers the format of the string it was parsed
 * from and prints itself in the same format, so {@code 128Mi} stays binary and {@code 1e3} stays an
 * exponent.
 *
 * <p>Upstream: {@code resource.Format} in k8s.io/apimachinery/pkg/api/resource/quantity.go.
 */
public enum Format {
  /** A power-of-ten exponent: {@code 12e6}, {@code 1E-3}. */
  DECIMAL_EXPONENT,
  /** A power-of-two suffix: {@code 12Mi} is 12 × 2<sup>20</sup>. */
  BINARY_SI,
  /** A power-of-ten suffix, or none: {@code 12M} is 12 × 10<sup>6</sup>, {@code 500m} is 0.5. */
  DECIMAL_SI
}
