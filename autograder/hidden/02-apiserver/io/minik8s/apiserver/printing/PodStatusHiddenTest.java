package io.minik8s.apiserver.printing;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** More READY/STATUS cases of the pod printer (JSON written with ` for "). */
class PodStatusHiddenTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "scheduling gated | {`containers`:[{`name`:`a`}]} | {`phase`:`Pending`,`conditions`:[{`type`:`PodScheduled`,`status`:`False`,`reason`:`SchedulingGated`}]} | | 0/1 SchedulingGated",
      "init killed by signal | {`initContainers`:[{`name`:`i`}],`containers`:[{`name`:`a`}]} | {`phase`:`Pending`,`initContainerStatuses`:[{`name`:`i`,`state`:{`terminated`:{`exitCode`:137,`signal`:9}}}]} | | 0/1 Init:Signal:9",
      "init exit code | {`initContainers`:[{`name`:`i`}],`containers`:[{`name`:`a`}]} | {`phase`:`Pending`,`initContainerStatuses`:[{`name`:`i`,`state`:{`terminated`:{`exitCode`:2}}}]} | | 0/1 Init:ExitCode:2",
      "init crash loop | {`initContainers`:[{`name`:`i`}],`containers`:[{`name`:`a`}]} | {`phase`:`Pending`,`initContainerStatuses`:[{`name`:`i`,`state`:{`waiting`:{`reason`:`CrashLoopBackOff`}}}]} | | 0/1 Init:CrashLoopBackOff",
      "init pod initializing | {`initContainers`:[{`name`:`i`}],`containers`:[{`name`:`a`}]} | {`phase`:`Pending`,`initContainerStatuses`:[{`name`:`i`,`state`:{`waiting`:{`reason`:`PodInitializing`}}}]} | | 0/1 Init:0/1",
      "second of two init | {`initContainers`:[{`name`:`i`},{`name`:`j`}],`containers`:[{`name`:`a`}]} | {`phase`:`Pending`,`initContainerStatuses`:[{`name`:`i`,`state`:{`terminated`:{`exitCode`:0}}},{`name`:`j`,`state`:{`running`:{}}}]} | | 0/1 Init:1/2",
      "ready sidecar counts | {`initContainers`:[{`name`:`s`,`restartPolicy`:`Always`}],`containers`:[{`name`:`a`}]} | {`phase`:`Running`,`conditions`:[{`type`:`Initialized`,`status`:`True`}],`initContainerStatuses`:[{`name`:`s`,`started`:true,`ready`:true,`state`:{`running`:{}}}],`containerStatuses`:[{`name`:`a`,`ready`:true,`state`:{`running`:{}}}]} | | 2/2 Running",
      "container signal | {`containers`:[{`name`:`a`}]} | {`phase`:`Running`,`containerStatuses`:[{`name`:`a`,`state`:{`terminated`:{`exitCode`:137,`signal`:9}}}]} | | 0/1 Signal:9",
      "container exit code | {`containers`:[{`name`:`a`}]} | {`phase`:`Running`,`containerStatuses`:[{`name`:`a`,`state`:{`terminated`:{`exitCode`:3}}}]} | | 0/1 ExitCode:3",
      "image pull back-off | {`containers`:[{`name`:`a`}]} | {`phase`:`Pending`,`containerStatuses`:[{`name`:`a`,`state`:{`waiting`:{`reason`:`ImagePullBackOff`}}}]} | | 0/1 ImagePullBackOff",
      "node lost while deleting | {`containers`:[{`name`:`a`}]} | {`phase`:`Running`,`reason`:`NodeLost`,`containerStatuses`:[{`name`:`a`,`ready`:true,`state`:{`running`:{}}}]} | 2025-05-31T23:59:00Z | 1/1 Unknown"})
  @Graded(exercise = "2.7", points = 1, hint = "Follow upstream printPod case by case: scheduling"
      + " gates, an init container's signal/exit code/waiting reason or its index, ready sidecars,"
      + " an app container's waiting reason, signal or exit code, and NodeLost while deleting.")
  void podReadyAndStatusCases(String name, String spec, String status, String deletionTimestamp,
      String expected) throws Exception {
    String deletion = deletionTimestamp == null ? ""
        : ",`deletionTimestamp`:`" + deletionTimestamp + "`";
    List<String> cells = PrintingHiddenTest.row("", "pods", ("{`metadata`:{`name`:`p`,"
        + "`creationTimestamp`:`2025-05-31T22:00:00Z`" + deletion + "},`spec`:" + spec
        + ",`status`:" + status + "}").replace('`', '"'));
    assertThat(cells.get(1) + " " + cells.get(2)).as("%s: READY STATUS", name)
        .isEqualTo(expected);
  }
}
