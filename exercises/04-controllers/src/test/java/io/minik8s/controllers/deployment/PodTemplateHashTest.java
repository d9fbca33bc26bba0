package io.minik8s.controllers.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.meta.ObjectMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodTemplateHashTest {

  static final PodTemplateSpec TEMPLATE = new PodTemplateSpec(
      ObjectMeta.EMPTY.withLabels(Map.of("app", "web")),
      PodSpec.of(List.of(Container.of("main", "minik8s/web:1"))));

  @Test
  @Graded(exercise = "4.2", points = 2)
  void theHashOfAFixedTemplateIsTheSameOnEveryRun() {
    // FNV-32a over {"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"main",
    // "image":"minik8s/web:1"}]}} is 1206806279; each digit's character code mod 27 indexes
    // bcdfghjklmnpqrstvwxz2456789: '1' = 49 -> 22 -> '5', '2' = 50 -> 23 -> '6', '0' = 48 -> '4',
    // '6' = 54 -> 0 -> 'b', '8' = 56 -> 2 -> 'd', '7' = 55 -> 1 -> 'c', '9' = 57 -> 3 -> 'f'
    assertThat(PodTemplateHash.compute(TEMPLATE, null))
        .as("hash of the fixed template (JSON %s)",
            io.minik8s.objects.manifest.Codec.toJson(TEMPLATE))
        .isEqualTo("564bd4b6cf");
  }

  @Test
  @Graded(exercise = "4.2", points = 1)
  void theCollisionCountChangesTheHashAndOnlySafeCharactersAreUsed() {
    String plain = PodTemplateHash.compute(TEMPLATE, null);
    String bumped = PodTemplateHash.compute(TEMPLATE, 1);
    assertThat(bumped).as("collisionCount 1 gives another hash").isNotEqualTo(plain);
    assertThat(PodTemplateHash.compute(TEMPLATE, 1)).as("and the same one every time")
        .isEqualTo(bumped);
    assertThat(PodTemplateHash.compute(TEMPLATE, 0))
        .as("collisionCount 0 is hashed too (8 zero bytes), unlike null").isNotEqualTo(plain);
    for (String hash : List.of(plain, bumped)) {
      assertThat(hash).as("only characters of bcdfghjklmnpqrstvwxz2456789")
          .matches("[bcdfghjklmnpqrstvwxz2456789]+");
    }
  }
}
