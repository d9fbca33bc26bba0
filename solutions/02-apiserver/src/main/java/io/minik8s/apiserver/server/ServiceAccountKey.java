package io.minik8s.apiserver.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The key that signs and verifies ServiceAccount tokens. Replicas must share it, or a token
 * issued by one server is refused by the next: upstream reads it from {@code
 * --service-account-key-file}. Here a missing file is created with a fresh random key (so the
 * first server of a set makes it and the others read it); without a file, each server makes its
 * own key at start.
 */
final class ServiceAccountKey {

  static final int BYTES = 32;

  private ServiceAccountKey() {}

  static byte[] load(Path file) {
    if (file == null) {
      return random();
    }
    try {
      if (Files.notExists(file)) {
        Files.write(file, random());
      }
      byte[] key = Files.readAllBytes(file);
      if (key.length < BYTES) {
        throw new IllegalArgumentException("the service account key file " + file + " holds "
            + key.length + " bytes; it needs at least " + BYTES);
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the service account key file " + file + ": "
          + e.getMessage(), e);
    }
  }

  private static byte[] random() {
    byte[] key = new byte[BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
