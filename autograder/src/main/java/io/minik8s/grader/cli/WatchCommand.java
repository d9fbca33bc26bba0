package io.minik8s.grader.cli;

import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = "Check a module, then check it again every time you save a file in it (Ctrl-C stops).")
final class WatchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "MODULE", description = "Module number or name, e.g. 00.")
  String module;

  @Option(names = "--exercise", paramLabel = "ID", description = "Only this exercise, e.g. 0.2.")
  String exercise;

  @Override
  public Integer call() throws IOException, InterruptedException {
    CourseRepo repo = CourseCli.repo();
    ModuleId id = repo.module(module);
    Path src = repo.exerciseDir(id).resolve("src");
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      register(watcher, src);
      while (true) {
        System.out.print("\033[H\033[2J");
        System.out.flush();
        CheckCommand.run(repo, id, Optional.ofNullable(exercise));
        System.out.println("\nWatching " + repo.root().relativize(src) + " — save a file to check again, Ctrl-C to stop.");
        WatchKey key = watcher.take();
        // an editor's save is several events (temp file, rename, ...): let them settle, then check once
        for (WatchKey more = key; more != null; more = watcher.poll(300, TimeUnit.MILLISECONDS)) {
          more.pollEvents();
          more.reset();
        }
        register(watcher, src); // directories created since the last round
      }
    }
  }

  private static void register(WatchService watcher, Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }
}
