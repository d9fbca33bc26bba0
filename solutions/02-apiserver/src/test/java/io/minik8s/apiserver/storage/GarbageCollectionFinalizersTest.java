package io.minik8s.apiserver.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.apiserver.object.Unstructured;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Given code: the propagation policy of a delete becomes the garbage collector's finalizer. */
class GarbageCollectionFinalizersTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("background adds nothing", "Background", List.of(), List.of()),
        Arguments.of("foreground asks for dependents first", "Foreground", List.of(), List.of("foregroundDeletion")),
        Arguments.of("orphan asks for dependents to be released", "Orphan", List.of("x/keep"), List.of("x/keep", "orphan")),
        Arguments.of("a new policy replaces an earlier one", "Background", List.of("orphan", "x/keep"), List.of("x/keep")),
        Arguments.of("no policy keeps what an earlier delete asked", "", List.of("foregroundDeletion"), List.of("foregroundDeletion")),
        Arguments.of("no policy on a plain object adds nothing", "", List.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void policyBecomesFinalizer(String name, String policy, List<String> before, List<String> after) {
    Unstructured object = Unstructured.of("apps/v1", "ReplicaSet");
    object.setFinalizers(before);
    GarbageCollectionFinalizers.apply(object, policy);
    assertThat(object.finalizers()).as("finalizers after a %s delete of an object with %s", policy, before)
        .isEqualTo(after);
  }
}
