package io.minik8s.store.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./course run store}: the store's command line, like {@code etcd} and
 * {@code etcdctl snapshot} in one. Errors are one sentence on stderr; {@code -v} adds the trace.
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    version = "minik8s store (etcd v3 API 3.4)",
    description = "An etcd-like store speaking etcd's v3 JSON API. With no command it serves.",
    subcommands = {ServeCommand.class, SnapshotCommand.class, CommandLine.HelpCommand.class})
public final class StoreMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // no subcommand: serve with default flags (./course run store --port 0 goes to ServeCommand)
    new CommandLine(new ServeCommand()).execute();
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new StoreMain());
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("store: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
      if (parsed.originalArgs().contains("-v")) {
        ex.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    // "store --port 0 ..." is "store serve --port 0 ...": serving is what the store mostly does
    if (args.length > 0 && args[0].startsWith("--") && !args[0].equals("--help") && !args[0].equals("--version")) {
      String[] serve = new String[args.length + 1];
      serve[0] = "serve";
      System.arraycopy(args, 0, serve, 1, args.length);
      args = serve;
    }
    System.exit(cli.execute(args));
  }
}
