package io.minik8s.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.testkit.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchProgressTest {

  @Test
  void theEstimateIsTheTimePerSubmissionSoFarTimesTheSubmissionsLeft() {
    ManualClock clock = ManualClock.startingAtEpochOfCourse();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BatchProgress progress = new BatchProgress(10, clock, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    clock.advance(Duration.ofSeconds(30));
    progress.finished("alice", "ok 7/7");
    clock.advance(Duration.ofSeconds(10));
    progress.finished("bob", "crashed 2/7");
    // 40 s for 2 submissions: 20 s each, 8 left
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
        "[1/10] alice  ok 7/7  (ETA 4m30s)\n[2/10] bob  crashed 2/7  (ETA 2m40s)\n");
  }
}
