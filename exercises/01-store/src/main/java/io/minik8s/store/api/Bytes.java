package io.minik8s.store.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable byte string: etcd's keys and values are bytes, ordered byte by byte as unsigned
 * numbers (so {@code "a" < "b" < "\xff"}), which is not Java's {@code String} order for non-ASCII
 * text. The API server stores UTF-8 keys like {@code /registry/pods/default/web} and JSON values.
 */
public final class Bytes implements Comparable<Bytes> {

  public static final Bytes EMPTY = new Bytes(new byte[0]);

  /** As a range end, {@code "\0"} means "every key from the start key on" (etcd's convention). */
  public static final Bytes ZERO = new Bytes(new byte[] {0});

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Bytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  public static Bytes of(String utf8) {
    return of(utf8.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes standard base64, as the etcd JSON gateway sends keys and values. */
  public static Bytes fromBase64(String base64) {
    return of(Base64.getDecoder().decode(base64));
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public String utf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public boolean startsWith(Bytes prefix) {
    return bytes.length >= prefix.bytes.length
        && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
  }

  /**
   * The smallest key greater than every key starting with this prefix, for a prefix range
   * {@code [prefix, prefixEnd)}: the last byte below 0xff incremented, the bytes after it dropped.
   * A prefix of only 0xff bytes (or empty) has no such key; etcd then ranges to the end, {@link #ZERO}.
   * Upstream: {@code GetPrefixRangeEnd} in go.etcd.io/etcd/client/v3/op.go.
   */
  public Bytes prefixEnd() {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if ((bytes[i] & 0xff) != 0xff) {
        byte[] end = Arrays.copyOf(bytes, i + 1);
        end[i]++;
        return new Bytes(end);
      }
    }
    return ZERO;
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** UTF-8 text when the bytes are printable, else hex: for messages and debugging. */
  @Override
  public String toString() {
    String text = utf8();
    boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0xfffd && c != 0x7f);
    if (printable) {
      return text;
    }
    StringBuilder hex = new StringBuilder("0x");
    for (byte b : bytes) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }
}
