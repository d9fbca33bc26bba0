package io.minik8s.store.wal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How one record is laid out in a WAL segment or a snapshot file:
 *
 * <pre>
 *   offset 0   4-byte length N of the payload (big-endian, 1..MAX_PAYLOAD)
 *   offset 4   4-byte CRC32C of the payload
 *   offset 8   N bytes of payload
 * </pre>
 *
 * <p>The length lets a reader find the next record; the checksum lets it tell a record that was
 * written completely from one that was not (a crash in the middle of a write) or that was damaged
 * later (a bad disk, a stray {@code dd}). Upstream: etcd's wal/encoder.go and wal/decoder.go frame
 * a protobuf {@code walpb.Record} the same way (an 8-byte length with padding bits, the CRC inside
 * the record, chained from record to record).
 */
final class RecordFormat {

  static final int HEADER_BYTES = 8;

  /**
   * The largest payload a record may have. A length above it cannot have been written by us, so a
   * reader reports it as damage instead of trying to read gigabytes (etcd caps entries at 10 MB).
   */
  static final int MAX_PAYLOAD = 16 * 1024 * 1024;

  private RecordFormat() {}

  /** What reading a record at an offset found. */
  sealed interface Read {}

  /** A complete record with a matching checksum; the next record starts at {@code next}. */
  record Valid(byte[] payload, int next) implements Read {}

  /** The offset is exactly the end of the data: no more records. */
  record End() implements Read {}

  /**
   * No valid record at this offset.
   *
   * @param end where the record would end if its length field is to be believed (for
   *     {@link Damage#SHORT_HEADER} and {@link Damage#BAD_LENGTH}: the end of the data)
   */
  record Damaged(Damage damage, int end) implements Read {}

  enum Damage {
    /** Fewer than {@link #HEADER_BYTES} bytes are left. */
    SHORT_HEADER,
    /** The length is 0 or above {@link #MAX_PAYLOAD}. */
    BAD_LENGTH,
    /** The header is complete but the data ends before the payload does. */
    SHORT_PAYLOAD,
    /** The payload is complete but its CRC32C differs from the header's. */
    BAD_CRC
  }

  /** The CRC32C (Castagnoli) of the bytes, as an unsigned 32-bit value stored in an int. */
  static int crc32c(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /**
   * The record for a payload: header then payload, ready to append to a file.
   *
   * @throws IllegalArgumentException if the payload is empty or larger than {@link #MAX_PAYLOAD}
   */
  static byte[] frame(byte[] payload) {
    // BEGIN EXERCISE 1.5 — frame a record: 4-byte length, 4-byte CRC32C of the payload, payload
    throw new UnsupportedOperationException("TODO exercise 1.5: frame a record: 4-byte length, 4-byte CRC32C of the payload, payload");
    // END EXERCISE 1.5
  }

  /**
   * Reads the record at {@code offset} of {@code data} (from 0 to {@code data.length}). Never
   * throws on bad data: damage is a result, because what it means depends on where it is (see
   * {@link WalReader}).
   */
  static Read read(byte[] data, int offset) {
    // BEGIN EXERCISE 1.5 — read one record at an offset and check its CRC32C
    throw new UnsupportedOperationException("TODO exercise 1.5: read one record at an offset and check its CRC32C");
    // END EXERCISE 1.5
  }
}
