package io.minik8s.store.server;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.StoreException;
import java.io.ByteArrayOutputStream;

/**
 * Decodes standard, padded base64 as Go's {@code base64.StdEncoding} does (keys and values on
 * etcd's gateway), failing with Go's message {@code illegal base64 data at input byte N}: N is the
 * first bad character, or where an incomplete final group starts. Line breaks are skipped, as in
 * Go. Upstream: src/encoding/base64/base64.go, {@code decodeQuantum}.
 */
final class GoBase64 {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private GoBase64() {}

  static Bytes decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
    int si = 0;
    int n = text.length();
    int[] quantum = new int[4];
    while (si < n) {
      int j = 0;
      int padAt = -1;
      while (j < 4) {
        if (si == n) {
          if (j == 0) {
            return Bytes.of(out.toByteArray());
          }
          throw illegal(si - j);
        }
        char c = text.charAt(si++);
        if (c == '\n' || c == '\r') {
          continue;
        }
        int v = ALPHABET.indexOf(c);
        if (v >= 0) {
          quantum[j++] = v;
          continue;
        }
        if (c != '=') {
          throw illegal(si - 1);
        }
        if (j < 2) {
          throw illegal(si - 1);
        }
        if (j == 2) {
          si = skipNewlines(text, si);
          if (si == n) {
            throw illegal(n);
          }
          if (text.charAt(si) != '=') {
            throw illegal(si - 1);
          }
          si++;
        }
        si = skipNewlines(text, si);
        if (si < n) {
          throw illegal(si);
        }
        padAt = j;
        break;
      }
      int bytes = padAt < 0 ? 3 : padAt - 1;
      int word = quantum[0] << 18 | quantum[1] << 12 | (padAt == 2 ? 0 : quantum[2] << 6) | (padAt >= 0 ? 0 : quantum[3]);
      for (int k = 0; k < bytes; k++) {
        out.write(word >> (16 - 8 * k) & 0xff);
      }
      if (padAt >= 0) {
        break;
      }
    }
    return Bytes.of(out.toByteArray());
  }

  private static int skipNewlines(String text, int si) {
    while (si < text.length() && (text.charAt(si) == '\n' || text.charAt(si) == '\r')) {
      si++;
    }
    return si;
  }

  private static StoreException illegal(int offset) {
    return GoJsonSyntax.invalid("illegal base64 data at input byte " + offset);
  }
}
