package io.minik8s.store.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Framing: {@code [length:4][crc32c:4][payload]}. The expected headers are computed here with
 * java.util.zip.CRC32C directly, so the test does not trust {@link RecordFormat#crc32c}.
 */
class RecordFormatTest {

  static final List<String> PAYLOADS = List.of("x", "{\"type\":\"compacted\",\"revision\":5}", "é".repeat(300));

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static int crc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  @Test
  @Graded(exercise = "1.5", points = 2)
  void framesAreLengthCrcPayloadAndReadBack() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    for (String text : PAYLOADS) {
      byte[] payload = utf8(text);
      byte[] frame = RecordFormat.frame(payload);
      ByteBuffer header = ByteBuffer.wrap(frame);
      assertThat(frame).as("frame of a %d-byte payload: 8-byte header + payload", payload.length).hasSize(8 + payload.length);
      assertThat(header.getInt()).as("bytes 0..3: the payload length, big-endian").isEqualTo(payload.length);
      assertThat(header.getInt()).as("bytes 4..7: CRC32C of the payload").isEqualTo(crc(payload));
      assertThat(Arrays.copyOfRange(frame, 8, frame.length)).as("bytes 8..: the payload").isEqualTo(payload);
      log.writeBytes(frame);
    }
    // Read the three records back to back, as a segment holds them.
    byte[] data = log.toByteArray();
    int offset = 0;
    for (String text : PAYLOADS) {
      RecordFormat.Read read = RecordFormat.read(data, offset);
      assertThat(read).as("record at offset %d", offset).isInstanceOf(RecordFormat.Valid.class);
      RecordFormat.Valid valid = (RecordFormat.Valid) read;
      assertThat(new String(valid.payload(), StandardCharsets.UTF_8)).isEqualTo(text);
      assertThat(valid.next()).as("next offset after the record at %d", offset).isEqualTo(offset + 8 + utf8(text).length);
      offset = valid.next();
    }
    assertThat(RecordFormat.read(data, offset)).as("at the end of the data").isInstanceOf(RecordFormat.End.class);
  }

  @Test
  @Graded(exercise = "1.5", points = 2)
  void readReportsEveryKindOfDamage() {
    byte[] frame = RecordFormat.frame(utf8("hello, wal"));
    byte[] flipped = frame.clone();
    flipped[frame.length - 1] ^= 0x01;
    byte[] zeroLength = frame.clone();
    zeroLength[0] = zeroLength[1] = zeroLength[2] = zeroLength[3] = 0;
    byte[] hugeLength = frame.clone();
    hugeLength[0] = 0x7f;

    record Case(String name, byte[] data, RecordFormat.Damage expected) {}
    List<Case> cases = List.of(
        new Case("5 of 8 header bytes", Arrays.copyOf(frame, 5), RecordFormat.Damage.SHORT_HEADER),
        new Case("header and half the payload", Arrays.copyOf(frame, 13), RecordFormat.Damage.SHORT_PAYLOAD),
        new Case("last payload bit flipped", flipped, RecordFormat.Damage.BAD_CRC),
        new Case("length 0", zeroLength, RecordFormat.Damage.BAD_LENGTH),
        new Case("length above MAX_PAYLOAD", hugeLength, RecordFormat.Damage.BAD_LENGTH));
    for (Case c : cases) {
      RecordFormat.Read read = RecordFormat.read(c.data(), 0);
      assertThat(read).as("%s: expected damage %s, got %s", c.name(), c.expected(), read)
          .isInstanceOf(RecordFormat.Damaged.class);
      assertThat(((RecordFormat.Damaged) read).damage()).as("%s", c.name()).isEqualTo(c.expected());
    }
    RecordFormat.Damaged crc = (RecordFormat.Damaged) RecordFormat.read(flipped, 0);
    assertThat(crc.end()).as("a BAD_CRC record still says where it ends").isEqualTo(frame.length);
  }
}
