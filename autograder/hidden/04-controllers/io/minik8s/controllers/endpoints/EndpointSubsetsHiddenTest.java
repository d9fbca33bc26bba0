package io.minik8s.controllers.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.controllers.endpoints.EndpointSubsets.Entry;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.EndpointAddress;
import io.minik8s.objects.api.core.EndpointPort;
import io.minik8s.objects.api.core.EndpointSubset;
import io.minik8s.objects.api.core.ObjectReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointSubsetsHiddenTest {

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "Each address appears once per subset, however many entries name it with the same "
          + "port; addresses are told apart by IP and pod.")
  void duplicateEntriesCollapse() {
    EndpointPort http = new EndpointPort("http", 80, "TCP");
    EndpointAddress a = new EndpointAddress("10.0.0.1", "n",
        new ObjectReference("Pod", "ns", "a", "ua", null, null, null, null));
    List<EndpointSubset> subsets = EndpointSubsets.repack(List.of(
        new Entry(a, http, true), new Entry(a, http, true)));
    assertThat(subsets).hasSize(1);
    assertThat(subsets.get(0).addresses()).containsExactly(a);
    assertThat(subsets.get(0).ports()).containsExactly(http);
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "Subsets are sorted too, not only the addresses in them.")
  void subsetsAreSortedWhateverTheInputOrder() {
    EndpointPort p1 = new EndpointPort("a", 1, "TCP");
    EndpointPort p2 = new EndpointPort("b", 2, "TCP");
    EndpointAddress x = new EndpointAddress("10.0.0.9", "n", null);
    EndpointAddress y = new EndpointAddress("10.0.0.1", "n", null);
    List<EndpointSubset> one = EndpointSubsets.repack(List.of(
        new Entry(x, p2, true), new Entry(y, p1, false)));
    List<EndpointSubset> two = EndpointSubsets.repack(List.of(
        new Entry(y, p1, false), new Entry(x, p2, true)));
    assertThat(one).hasSize(2).isEqualTo(two);
  }
}
