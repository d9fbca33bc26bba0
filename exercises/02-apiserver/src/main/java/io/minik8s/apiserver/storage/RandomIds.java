package io.minik8s.apiserver.storage;

import java.util.Random;
import java.util.UUID;

/**
 * The random parts of a new object: its uid and the suffix of a generated name. One seeded
 * {@link Random} drives both, so a test that seeds it sees the same names on every run.
 */
final class RandomIds {

  /**
   * Consonants and digits without vowels or look-alikes (no 0, 1, 3), so generated names never
   * spell words: upstream's {@code alphanums} in k8s.io/apimachinery/pkg/util/rand/rand.go.
   */
  static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  /** Upstream's names.SimpleNameGenerator: 5 random characters, the base cut to 58. */
  static final int SUFFIX_LENGTH = 5;
  static final int MAX_NAME_LENGTH = 63;

  private final Random random;

  RandomIds(Random random) {
    this.random = random;
  }

  /** A version-4 UUID drawn from the seeded random, e.g. {@code 3b241101-e2bb-4255-8caf-4136c566a962}. */
  synchronized String uid() {
    long msb = random.nextLong();
    long lsb = random.nextLong();
    msb = (msb & ~0xF000L) | 0x4000L; // version 4
    lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(msb, lsb).toString();
  }

  /** {@code base} plus five random characters (k8s.io/apiserver/pkg/storage/names/generate.go). */
  synchronized String generateName(String base) {
    int maxBase = MAX_NAME_LENGTH - SUFFIX_LENGTH;
    StringBuilder name = new StringBuilder(base.length() > maxBase ? base.substring(0, maxBase) : base);
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return name.toString();
  }
}
