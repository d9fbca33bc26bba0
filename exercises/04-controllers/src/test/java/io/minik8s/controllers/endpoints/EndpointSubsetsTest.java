package io.minik8s.controllers.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.controllers.endpoints.EndpointSubsets.Entry;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.EndpointAddress;
import io.minik8s.objects.api.core.EndpointPort;
import io.minik8s.objects.api.core.EndpointSubset;
import io.minik8s.objects.api.core.ObjectReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Repacking (address, port) entries into subsets, as the class comment's picture. */
class EndpointSubsetsTest {

  private static final EndpointPort HTTP = new EndpointPort("http", 8080, "TCP");
  private static final EndpointPort METRICS = new EndpointPort("metrics", 9090, "TCP");

  @Test
  @Graded(exercise = "4.5", points = 1)
  void addressesWithTheSamePortsShareASubset() {
    // a and b serve http and metrics; c serves http only (the class comment's picture)
    List<Entry> entries = List.of(
        new Entry(address("10.0.0.1", "a"), HTTP, true),
        new Entry(address("10.0.0.1", "a"), METRICS, true),
        new Entry(address("10.0.0.2", "b"), METRICS, false),
        new Entry(address("10.0.0.2", "b"), HTTP, false),
        new Entry(address("10.0.0.3", "c"), HTTP, true));

    List<EndpointSubset> subsets = EndpointSubsets.repack(entries);

    assertThat(subsets).as("two port sets {http} and {http, metrics}: two subsets").hasSize(2);
    EndpointSubset httpOnly = subsets.get(0);
    EndpointSubset both = subsets.get(1);
    assertThat(httpOnly.ports()).as("subsets sorted by ports; ports sorted by name")
        .containsExactly(HTTP);
    assertThat(EndpointsControllerTest.ips(httpOnly.addresses())).containsExactly("10.0.0.3");
    assertThat(both.ports()).containsExactly(HTTP, METRICS);
    assertThat(EndpointsControllerTest.ips(both.addresses())).as("ready a").containsExactly(
        "10.0.0.1");
    assertThat(EndpointsControllerTest.ips(both.notReadyAddresses())).as("not ready b")
        .containsExactly("10.0.0.2");
  }

  @Test
  @Graded(exercise = "4.5", points = 1)
  void theResultDoesNotDependOnTheOrderOfTheEntries() {
    List<Entry> entries = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      EndpointAddress address = address("10.0.0." + (10 - i), "p" + i);
      entries.add(new Entry(address, HTTP, i % 2 == 0));
      if (i <= 3) {
        entries.add(new Entry(address, METRICS, i % 2 == 0));
      }
    }
    List<EndpointSubset> expected = EndpointSubsets.repack(entries);
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      List<Entry> shuffled = new ArrayList<>(entries);
      Collections.shuffle(shuffled, random);
      assertThat(EndpointSubsets.repack(shuffled))
          .as("repack of a shuffled input (seed 42, round %d) must equal repack of the input: "
              + "sort addresses, ports and subsets", round)
          .isEqualTo(expected);
    }
    for (EndpointSubset subset : expected) {
      assertThat(EndpointsControllerTest.ips(subset.addresses())).isSorted();
      assertThat(EndpointsControllerTest.ips(subset.notReadyAddresses())).isSorted();
    }
  }

  static EndpointAddress address(String ip, String pod) {
    return new EndpointAddress(ip, "node-1",
        new ObjectReference("Pod", "shop", pod, "uid-" + pod, null, null, null, null));
  }
}
