package io.minik8s.objects.quantity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * What a quantity suffix means: {@code value × base^exponent}, written in a given {@link Format}.
 * {@code Ki} is 2<sup>10</sup> (binary), {@code k} is 10<sup>3</sup> (decimal SI), {@code e3} is
 * 10<sup>3</sup> (decimal exponent), and the empty suffix is 10<sup>0</sup> (decimal SI).
 *
 * <p>Upstream: the suffixer in k8s.io/apimachinery/pkg/api/resource/suffix.go.
 */
record Suffix(int base, int exponent, Format format) {

  private static final Map<String, Suffix> NAMED =
      Map.ofEntries(
          Map.entry("n", new Suffix(10, -9, Format.DECIMAL_SI)),
          Map.entry("u", new Suffix(10, -6, Format.DECIMAL_SI)),
          Map.entry("m", new Suffix(10, -3, Format.DECIMAL_SI)),
          Map.entry("", new Suffix(10, 0, Format.DECIMAL_SI)),
          Map.entry("k", new Suffix(10, 3, Format.DECIMAL_SI)),
          Map.entry("M", new Suffix(10, 6, Format.DECIMAL_SI)),
          Map.entry("G", new Suffix(10, 9, Format.DECIMAL_SI)),
          Map.entry("T", new Suffix(10, 12, Format.DECIMAL_SI)),
          Map.entry("P", new Suffix(10, 15, Format.DECIMAL_SI)),
          Map.entry("E", new Suffix(10, 18, Format.DECIMAL_SI)),
          Map.entry("Ki", new Suffix(2, 10, Format.BINARY_SI)),
          Map.entry("Mi", new Suffix(2, 20, Format.BINARY_SI)),
          Map.entry("Gi", new Suffix(2, 30, Format.BINARY_SI)),
          Map.entry("Ti", new Suffix(2, 40, Format.BINARY_SI)),
          Map.entry("Pi", new Suffix(2, 50, Format.BINARY_SI)),
          Map.entry("Ei", new Suffix(2, 60, Format.BINARY_SI)));

  /** Decimal SI suffixes by exponent / 3, from 10^-9 ({@code n}) to 10^18 ({@code E}). */
  private static final String[] DECIMAL_BY_THOUSANDS = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};

  /** Binary suffixes by power of 1024, from 1024^0 (none) to 1024^6 ({@code Ei}). */
  private static final String[] BINARY_BY_POWER_OF_1024 = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

  /** The smallest and largest exponents a decimal SI suffix can print. */
  static final int MIN_DECIMAL_EXPONENT = -9;
  static final int MAX_DECIMAL_EXPONENT = 18;

  /** The largest power of 1024 a binary suffix can print ({@code Ei}). */
  static final int MAX_BINARY_POWER = BINARY_BY_POWER_OF_1024.length - 1;

  /**
   * The meaning of {@code text}: a named suffix ({@code Mi}, {@code k}, ...) or an exponent
   * ({@code e3}, {@code E-6}, {@code e+2}); empty if it is neither ({@code e}, {@code ki}, {@code mi}).
   */
  static Optional<Suffix> interpret(String text) {
    Suffix named = NAMED.get(text);
    if (named != null) {
      return Optional.of(named);
    }
    if (text.length() > 1 && (text.charAt(0) == 'e' || text.charAt(0) == 'E')) {
      try {
        return Optional.of(new Suffix(10, Integer.parseInt(text.substring(1)), Format.DECIMAL_EXPONENT));
      } catch (NumberFormatException notAnExponent) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** {@code base^exponent} as an exact decimal. */
  BigDecimal multiplier() {
    return base == 2
        ? new BigDecimal(BigInteger.ONE.shiftLeft(exponent))
        : BigDecimal.ONE.scaleByPowerOfTen(exponent);
  }

  /** The decimal SI suffix for 10^exponent; exponent is a multiple of 3 between -9 and 18. */
  static String decimalSi(int exponent) {
    return DECIMAL_BY_THOUSANDS[exponent / 3 + 3];
  }

  /** The binary suffix for 1024^power; power is between 0 and 6. */
  static String binarySi(int power) {
    return BINARY_BY_POWER_OF_1024[power];
  }

  /** The exponent suffix for 10^exponent: none for 0, else {@code e<exponent>}. */
  static String decimalExponent(int exponent) {
    return exponent == 0 ? "" : "e" + exponent;
  }
}
