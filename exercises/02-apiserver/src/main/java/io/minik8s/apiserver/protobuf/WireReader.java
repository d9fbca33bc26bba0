package io.minik8s.apiserver.protobuf;

import io.minik8s.apiserver.errors.StatusErrors;

/**
 * Reads the protobuf wire format from a slice of a byte array: a sequence of (tag, value) pairs
 * where the tag is {@code fieldNumber << 3 | wireType}. Every read is bounds-checked; running off
 * the end of the slice is a 400 BadRequest, never an index exception.
 *
 * <p>Spec: https://protobuf.dev/programming-guides/encoding/
 */
final class WireReader {

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] buf;
  private int pos;
  private final int end;

  WireReader(byte[] buf, int offset, int end) {
    this.buf = buf;
    this.pos = offset;
    this.end = end;
  }

  boolean atEnd() {
    return pos >= end;
  }

  /** Reads a tag; returns it whole (field number {@code tag >>> 3}, wire type {@code tag & 7}). */
  int readTag() {
    long tag = readVarint();
    if (tag >>> 3 == 0 || tag >>> 3 > 0x1FFFFFFFL) {
      throw malformed("field number " + (tag >>> 3) + " is not valid");
    }
    return (int) tag;
  }

  /** A base-128 varint of at most 10 bytes, least significant group first. */
  long readVarint() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        throw malformed("a varint is truncated");
      }
      byte b = buf[pos++];
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw malformed("a varint is longer than 10 bytes");
  }

  long readFixed64() {
    require(8);
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (buf[pos + i] & 0xFF);
    }
    pos += 8;
    return value;
  }

  int readFixed32() {
    require(4);
    int value = 0;
    for (int i = 3; i >= 0; i--) {
      value = (value << 8) | (buf[pos + i] & 0xFF);
    }
    pos += 4;
    return value;
  }

  /** A length-delimited value: returns a reader over its bytes and skips past them. */
  WireReader readDelimited() {
    long length = readVarint();
    if (length < 0 || length > end - pos) {
      throw malformed("a length-delimited field claims " + length + " bytes but only "
          + (end - pos) + " remain");
    }
    WireReader inner = new WireReader(buf, pos, pos + (int) length);
    pos += (int) length;
    return inner;
  }

  /** The remaining bytes of this reader, copied. */
  byte[] remaining() {
    byte[] copy = java.util.Arrays.copyOfRange(buf, pos, end);
    pos = end;
    return copy;
  }

  /** Skips a value of a field the schema does not know (forward compatibility, like protobuf). */
  void skip(int wireType) {
    switch (wireType) {
      case VARINT -> readVarint();
      case FIXED64 -> readFixed64();
      case LENGTH_DELIMITED -> readDelimited();
      case FIXED32 -> readFixed32();
      default -> throw malformed("wire type " + wireType + " is not supported");
    }
  }

  private void require(int bytes) {
    if (end - pos < bytes) {
      throw malformed("a " + bytes * 8 + "-bit value is truncated");
    }
  }

  static io.minik8s.apiserver.errors.ApiException malformed(String what) {
    return StatusErrors.badRequest("the protobuf request body is malformed: " + what);
  }
}
