package io.minik8s.apiserver.admission;

/**
 * An IPv4 CIDR such as {@code 10.96.0.0/12}, addressed by offset: offset 0 is the network
 * address, {@code size() - 1} the broadcast address.
 */
public record Ipv4Range(long base, int prefixLength) {

  /** @throws IllegalArgumentException if {@code cidr} is not {@code a.b.c.d/n} with n in 1–30 */
  public static Ipv4Range parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("service CIDR \"" + cidr + "\" has no /prefix length");
    }
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("service CIDR \"" + cidr + "\" has a bad prefix length");
    }
    if (prefix < 1 || prefix > 30) {
      throw new IllegalArgumentException(
          "service CIDR \"" + cidr + "\" must have a prefix length between 1 and 30");
    }
    long address = toLong(cidr.substring(0, slash));
    if (address < 0) {
      throw new IllegalArgumentException("service CIDR \"" + cidr + "\" is not an IPv4 range");
    }
    long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    return new Ipv4Range(address & mask, prefix);
  }

  /** How many addresses the range has, network and broadcast included. */
  public long size() {
    return 1L << (32 - prefixLength);
  }

  /** The address at {@code offset}, dotted. */
  public String address(long offset) {
    long a = base + offset;
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }

  /** The offset of {@code ip} in this range, or -1 if it is not a dotted IPv4 in the range. */
  public long offsetOf(String ip) {
    long a = toLong(ip);
    return a < base || a >= base + size() ? -1 : a - base;
  }

  @Override
  public String toString() {
    return address(0) + "/" + prefixLength;
  }

  /** A dotted quad as a number, or -1 if it is not one. */
  static long toLong(String ip) {
    String[] parts = ip.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return -1;
      }
      value = value * 256 + octet;
    }
    return value;
  }
}
