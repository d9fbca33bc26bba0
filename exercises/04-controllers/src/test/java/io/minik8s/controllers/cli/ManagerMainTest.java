package io.minik8s.controllers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The managers' command lines (given code, ungraded): one-sentence errors. */
class ManagerMainTest {

  private String err;

  private int run(Object command, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setErr(new PrintWriter(out));
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println(ex.getMessage());
      return 1;
    });
    int code = cli.execute(args);
    err = out.toString();
    return code;
  }

  @Test
  void unknownControllerListsTheValidOnes() {
    int code = run(new CloudControllerManagerMain(), "--kubeconfig", "x", "--controllers", "*,-sevice");

    assertThat(code).isEqualTo(1);
    assertThat(err.strip()).isEqualTo("unknown controller \"sevice\" in --controllers; valid "
        + "names are *, service, cloud-node-lifecycle, route");
  }

  @Test
  void unreadableKubeconfigIsNamed() {
    int code = run(new CloudControllerManagerMain(), "--kubeconfig", "/nonexistent/kubeconfig");

    assertThat(code).isEqualTo(1);
    assertThat(err).contains("cannot read kubeconfig /nonexistent/kubeconfig");
  }

  @Test
  void kubeconfigIsRequired() {
    assertThat(run(new ControllerManagerMain())).isEqualTo(2);
    assertThat(err).contains("--kubeconfig");
  }
}
