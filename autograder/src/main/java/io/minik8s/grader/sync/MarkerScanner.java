package io.minik8s.grader.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the exercise regions of one solution file and rejects malformed markers with the file and
 * line, so a typo in a marker fails the build instead of leaking a solution into the skeleton.
 *
 * <pre>
 *     // BEGIN EXERCISE 0.2 — parse one requirement
 *     // STUB: return List.of();        (optional, first line only: replaces the default throw)
 *     ...reference code...
 *     // END EXERCISE 0.2
 * </pre>
 */
public final class MarkerScanner {

  private static final Pattern BEGIN = Pattern.compile("^(\\s*)// BEGIN EXERCISE (\\S+) \u2014 (.*)$");
  private static final Pattern END = Pattern.compile("^\\s*// END EXERCISE (\\S+)\\s*$");
  private static final Pattern STUB = Pattern.compile("^\\s*// STUB:(.*)$");
  private static final Pattern ANY_MARKER = Pattern.compile("//\\s*(BEGIN|END)\\s+EXERCISE\\b|//\\s*STUB\\s*:");
  private static final Pattern ID = Pattern.compile("\\d+\\.\\d+");

  private MarkerScanner() {}

  /**
   * @param file shown in messages
   * @param lines the file's lines
   * @param exercisePrefix the module's ids start with this, e.g. {@code "0."}
   * @param problems where malformed markers are reported
   */
  public static List<Region> scan(Path file, List<String> lines, String exercisePrefix, List<String> problems) {
    List<Region> regions = new ArrayList<>();
    Matcher open = null;
    int openLine = 0;
    String stub = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int n = i + 1;
      if (!ANY_MARKER.matcher(line).find()) {
        continue;
      }
      Matcher begin = BEGIN.matcher(line);
      Matcher end = END.matcher(line);
      Matcher stubLine = STUB.matcher(line);
      if (begin.matches()) {
        String id = begin.group(2);
        if (open != null) {
          problems.add(file + ":" + n + ": BEGIN EXERCISE " + id + " is nested inside EXERCISE "
              + open.group(2) + " opened at line " + openLine + "; close that one first");
          continue;
        }
        if (!ID.matcher(id).matches() || !id.startsWith(exercisePrefix)) {
          problems.add(file + ":" + n + ": exercise id '" + id + "' must look like " + exercisePrefix
              + "N for this module");
        }
        if (begin.group(3).isBlank()) {
          problems.add(file + ":" + n + ": BEGIN EXERCISE " + id + " needs a task after the dash");
        }
        open = begin;
        openLine = n;
        stub = null;
      } else if (end.matches()) {
        String id = end.group(1);
        if (open == null) {
          problems.add(file + ":" + n + ": END EXERCISE " + id + " has no matching BEGIN");
        } else if (!id.equals(open.group(2))) {
          problems.add(file + ":" + n + ": END EXERCISE " + id + " closes EXERCISE " + open.group(2)
              + " opened at line " + openLine);
          open = null;
        } else {
          regions.add(new Region(file, id, open.group(3).strip(), openLine, n, open.group(1), stub));
          open = null;
        }
      } else if (stubLine.matches() && open != null && n == openLine + 1) {
        stub = stubLine.group(1);
      } else if (stubLine.matches()) {
        problems.add(file + ":" + n + ": a STUB line must come right after a BEGIN EXERCISE line");
      } else {
        problems.add(file + ":" + n + ": malformed exercise marker; expected '// BEGIN EXERCISE "
            + exercisePrefix + "N \u2014 <task>' or '// END EXERCISE " + exercisePrefix + "N' on a line of its own");
      }
    }
    if (open != null) {
      problems.add(file + ":" + openLine + ": EXERCISE " + open.group(2) + " is never closed (no END EXERCISE "
          + open.group(2) + ")");
    }
    return regions;
  }

  /** The skeleton of a file: every region's body replaced by its stub, markers kept. */
  public static String skeleton(List<String> lines, List<Region> regions) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      if (next < regions.size() && n == regions.get(next).begin()) {
        Region region = regions.get(next++);
        out.append(lines.get(i)).append('\n');
        out.append(region.skeletonBody());
        out.append(lines.get(region.end() - 1)).append('\n');
        i = region.end() - 1;
      } else {
        out.append(lines.get(i)).append('\n');
      }
    }
    return out.toString();
  }
}
