package io.minik8s.objects.quantity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact amount of a resource, as written in manifests: {@code 500m} CPU, {@code 128Mi} memory,
 * {@code 1e3} anything. Immutable.
 *
 * <p>The grammar (from upstream):
 *
 * <pre>
 * quantity        ::= signedNumber suffix
 * signedNumber    ::= number | sign number          sign ::= "+" | "-"
 * number          ::= digits | digits "." digits | digits "." | "." digits
 * suffix          ::= binarySI | decimalExponent | decimalSI
 * binarySI        ::= Ki | Mi | Gi | Ti | Pi | Ei                       (powers of 2^10)
 * decimalSI       ::= n | u | m | "" | k | M | G | T | P | E           (powers of 10^3)
 * decimalExponent ::= "e" signedNumber | "E" signedNumber             (integer exponent)
 * </pre>
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Values are exact (never floating point). A non-zero value finer than one nano (10^-9) is
 *       rounded <em>up</em>, away from zero, to the next nano: if you ask for some of a resource,
 *       you get some. {@code 0.5n} is {@code 1n}.
 *   <li>A binary value above 2^63-1 is capped there; a binary value strictly between 0 and 1 is
 *       switched to decimal SI.
 *   <li>{@link #toString()} prints the canonical form in the format the value was parsed from: no
 *       fraction, the largest suffix that loses nothing ({@code 1.5} is {@code 1500m}, {@code 1000}
 *       is {@code 1k}, {@code 1024Mi} is {@code 1Gi}, {@code 1.5Gi} is {@code 1536Mi}). A binary
 *       value below 1024 in magnitude, or with a fraction, prints as decimal SI.
 *   <li>Equality, hash code and ordering are by numeric value only: {@code 1Ki} equals {@code 1024}.
 * </ul>
 *
 * <p>Upstream: {@code resource.Quantity} in k8s.io/apimachinery/pkg/api/resource/quantity.go.
 */
public final class Quantity implements Comparable<Quantity> {

  /*
   * Design: upstream keeps a fast int64 representation plus an arbitrary-precision inf.Dec, and
   * caches the input string when it "looks canonical". We keep one exact BigDecimal and always
   * compute the canonical form, which is simpler and has no surprises: upstream caches a few odd
   * spellings verbatim (String() of "+1" is "+1" there, "1" here). Upstream's scanner also turns a
   * number with no digits at all ("Mi", ".") into 0; we follow the documented grammar and reject
   * those. And upstream prints 1000E (10^21) as "1" because no suffix is larger than E; we print
   * "1000E".
   */

  /** The value 0, decimal SI. */
  public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI);

  /** Upstream's error text: the overall shape every quantity must have. */
  static final String UPSTREAM_REGEX = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

  /** Sign, integer digits, fraction digits, suffix. Stricter than upstream's regex, see parse. */
  private static final Pattern SHAPE =
      Pattern.compile("([+-]?)([0-9]*)(?:\\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)");

  /** No quantity is finer than 10^-9. */
  static final int NANO_SCALE = 9;

  /** Binary values are capped at the largest int64, as upstream does. */
  static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);

  private static final BigInteger KIBI = BigInteger.valueOf(1024);

  private final BigDecimal amount;
  private final Format format;

  /**
   * Invariant: {@code amount} has no non-zero digit finer than 10^-9 (parse rounds up first).
   */
  private Quantity(BigDecimal amount, Format format) {
    if (amount.signum() != 0 && amount.stripTrailingZeros().scale() > NANO_SCALE) {
      throw new IllegalArgumentException(
          "quantity " + amount.toPlainString() + " is finer than 1n: round it up first");
    }
    this.amount = amount;
    this.format = Objects.requireNonNull(format, "format");
  }

  /** {@code value} units, printed in {@code format}. */
  public static Quantity of(long value, Format format) {
    return new Quantity(BigDecimal.valueOf(value), format);
  }

  /** {@code milliValue / 1000} units, printed in {@code format} ({@code ofMilli(250, ...)} is 250m). */
  public static Quantity ofMilli(long milliValue, Format format) {
    return new Quantity(BigDecimal.valueOf(milliValue, 3), format);
  }

  /**
   * Parses a quantity such as {@code 500m}, {@code 2}, {@code 1.5}, {@code 128Mi}, {@code 1e3},
   * {@code -1}. No whitespace is allowed.
   *
   * @throws QuantityFormatException if {@code input} does not follow the grammar or has an unknown
   *     suffix; the message names the input and the expected form
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Quantity parse(String input) {
    // BEGIN EXERCISE 0.1 — split a quantity into sign, number and suffix, or reject it
    throw new UnsupportedOperationException("TODO exercise 0.1: split a quantity into sign, number and suffix, or reject it");
    // END EXERCISE 0.1
  }

  /**
   * The quantity {@code ±number × suffix}: scaled, rounded up to a whole number of nanos, capped if
   * binary, and switched to decimal SI if binary and below 1.
   */
  static Quantity fromParts(boolean negative, BigDecimal number, Suffix suffix) {
    // BEGIN EXERCISE 0.1 — scale by the suffix, round up to 1n, cap binary values
    throw new UnsupportedOperationException("TODO exercise 0.1: scale by the suffix, round up to 1n, cap binary values");
    // END EXERCISE 0.1
  }

  /**
   * The canonical form: {@code 0} for zero; otherwise the sign if negative, an integer mantissa
   * with no fraction and the largest suffix of this quantity's format that loses nothing.
   *
   * <ul>
   *   <li>Decimal SI and decimal exponent: the exponent is a multiple of 3 ({@code 1080m},
   *       {@code 10e3}), at most 18 (E) for decimal SI.
   *   <li>Binary SI: a power of 1024 up to Ei ({@code 1536Mi}); a value below 1024 in magnitude
   *       or with a fraction is printed as decimal SI instead ({@code 512}, {@code 1126400m}).
   * </ul>
   */
  @Override
  @JsonValue
  public String toString() {
    // BEGIN EXERCISE 0.1 — print the canonical form (largest exact suffix, no fraction)
    throw new UnsupportedOperationException("TODO exercise 0.1: print the canonical form (largest exact suffix, no fraction)");
    // END EXERCISE 0.1
  }

  /** Orders by numeric value; the format plays no part ({@code 1Ki} equals {@code 1024}). */
  @Override
  public int compareTo(Quantity other) {
    // BEGIN EXERCISE 0.1 — compare by numeric value, ignoring the format
    throw new UnsupportedOperationException("TODO exercise 0.1: compare by numeric value, ignoring the format");
    // END EXERCISE 0.1
  }

  /**
   * The exact sum. Its format is this quantity's, unless this quantity is zero: then it is
   * {@code other}'s, so that summing requests from {@link #ZERO} keeps their suffix.
   */
  public Quantity add(Quantity other) {
    // BEGIN EXERCISE 0.1 — add exactly; a zero receiver takes the other's format
    throw new UnsupportedOperationException("TODO exercise 0.1: add exactly; a zero receiver takes the other's format");
    // END EXERCISE 0.1
  }

  /** The exact difference, with the same format rule as {@link #add}. */
  public Quantity subtract(Quantity other) {
    return add(other.negate());
  }

  /** The same magnitude with the opposite sign, in the same format. */
  public Quantity negate() {
    return new Quantity(amount.negate(), format);
  }

  /**
   * The value in whole units, rounded up away from zero: {@code 1500m} is 2, {@code -1500m} is
   * -2, {@code 1Ki} is 1024. Upstream: {@code Quantity.Value()}.
   *
   * @throws ArithmeticException if the result does not fit in a long
   */
  public long value() {
    return scaledValue(0);
  }

  /**
   * The value in thousandths, rounded up away from zero: {@code 1.5} is 1500, {@code 1n} is 1.
   * Upstream: {@code Quantity.MilliValue()}.
   *
   * @throws ArithmeticException if the result does not fit in a long
   */
  public long milliValue() {
    return scaledValue(-3);
  }

  /** {@code value / 10^exponent} rounded up away from zero, as a long. */
  private long scaledValue(int exponent) {
    // BEGIN EXERCISE 0.1 — divide by 10^exponent, round away from zero, fit in a long
    throw new UnsupportedOperationException("TODO exercise 0.1: divide by 10^exponent, round away from zero, fit in a long");
    // END EXERCISE 0.1
  }

  /** The exact value. */
  public BigDecimal toBigDecimal() {
    return amount;
  }

  /** The format this quantity prints in. */
  public Format format() {
    return format;
  }

  /** -1, 0 or 1 as this quantity is negative, zero or positive. */
  public int signum() {
    return amount.signum();
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Equal by numeric value, like upstream {@code Cmp}: {@code 1Ki} equals {@code 1024}. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity other && compareTo(other) == 0;
  }

  @Override
  public int hashCode() {
    // Equal values must hash alike whatever their scale: 1.50 and 1.5.
    return amount.stripTrailingZeros().hashCode();
  }
}
