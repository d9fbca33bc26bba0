package io.minik8s.grader.cli;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.launch.Component;
import io.minik8s.grader.launch.ComponentLauncher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a cluster component, built from source.",
      "Everything after COMPONENT goes to the component: ./course run store --help explains its flags.",
      "--from exercises runs your own modules instead of the reference (exercises:01,02 for some of them)."
    })
final class RunCommand implements Callable<Integer> {

  @Option(names = "--from", paramLabel = "SOURCE", defaultValue = "reference",
      description = "reference (default), exercises, or exercises:NN,NN.")
  String from;

  @Parameters(index = "0", paramLabel = "COMPONENT", description = "One of: ${COMPLETION-CANDIDATES}",
      completionCandidates = ComponentNames.class)
  String component;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Flags for the component.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    CourseRepo repo = CourseCli.repo();
    Component c =
        Component.named(component)
            .orElseThrow(() -> new IllegalArgumentException("no component '" + component + "'; components: "
                + Component.ALL.stream().map(Component::name).collect(Collectors.joining(", "))));
    boolean all = from.equals("exercises");
    Set<String> mine = new HashSet<>();
    if (from.startsWith("exercises:")) {
      Arrays.stream(from.substring("exercises:".length()).split(",")).map(String::strip).forEach(mine::add);
    } else if (!all && !from.equals("reference")) {
      throw new IllegalArgumentException("--from takes reference, exercises or exercises:NN,NN, not '" + from + "'");
    }
    return new ComponentLauncher(repo, Libraries.of(repo.root())).run(c, all, mine, args);
  }

  /** The component names, for the usage message. */
  static final class ComponentNames extends ArrayList<String> {
    ComponentNames() {
      super(Component.ALL.stream().map(Component::name).toList());
    }
  }
}
