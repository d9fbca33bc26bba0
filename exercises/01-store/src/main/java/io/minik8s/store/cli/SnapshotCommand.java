package io.minik8s.store.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.store.wal.Backup;
import io.minik8s.store.wal.SnapshotFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = "Back up and restore the store, like etcdctl snapshot.",
    subcommands = {SnapshotCommand.Save.class, SnapshotCommand.Restore.class})
final class SnapshotCommand {

  @Command(name = "save", mixinStandardHelpOptions = true,
      description = "Download a snapshot of a running store into FILE (written atomically, then verified).")
  static final class Save implements Callable<Integer> {

    @Parameters(paramLabel = "FILE") Path file;

    @Option(names = "--endpoint", defaultValue = "http://127.0.0.1:2379", description = "The store to back up (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Override
    public Integer call() throws Exception {
      Path partial = file.resolveSibling(file.getFileName() + ".part");
      HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/v3/maintenance/snapshot"))
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
      HttpResponse<java.io.InputStream> response;
      try {
        response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new IOException("cannot reach the store at " + endpoint + ": is it running? (" + e.getMessage() + ")", e);
      }
      if (response.statusCode() != 200) {
        throw new IOException(endpoint + " answered HTTP " + response.statusCode() + " to the snapshot request");
      }
      ObjectMapper json = new ObjectMapper();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
          OutputStream out = Files.newOutputStream(partial)) {
        for (String line; (line = lines.readLine()) != null; ) {
          JsonNode blob = json.readTree(line).path("result").path("blob");
          out.write(Base64.getDecoder().decode(blob.asText()));
        }
      }
      SnapshotFile.read(partial); // a damaged download never replaces a good backup
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.out.println("Snapshot saved at " + file);
      return 0;
    }
  }

  @Command(name = "restore", mixinStandardHelpOptions = true,
      description = "Create a new data directory from a snapshot FILE; start the store on it with --data-dir.")
  static final class Restore implements Callable<Integer> {

    @Parameters(paramLabel = "FILE") Path file;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "A new (absent or empty) directory.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
      Backup.restore(file, dataDir);
      System.out.println("Restored " + file + " into " + dataDir + "; start it with: ./course run store --data-dir " + dataDir);
      return 0;
    }
  }
}
