package io.minik8s.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcurrentForksTest {

  private static final long GB = 1024L * 1024 * 1024;

  @ParameterizedTest(name = "{0} cores, {1} GB, {2} MB heaps: {3}")
  @CsvSource({
    "2, 24, 512, 2",    // this course's 2-core grading machine: a fork per core
    "1, 24, 512, 1",    // one core: one at a time
    "16, 24, 512, 16",  // plenty of both
    "8, 4, 512, 4",     // 3 GB left after the grader's share, 768 MB per fork
    "8, 2, 1024, 1",    // the heap does not fit twice: still one, never zero
    "4, 0.75, 512, 1",  // Gradescope's default container (768 MB): one
  })
  void aForkPerCoreAsFarAsMemoryAllows(int cores, double gigabytes, int heapMegabytes, int expected) {
    assertThat(ConcurrentForks.of(cores, (long) (gigabytes * GB), heapMegabytes)).isEqualTo(expected);
  }
}
