package io.minik8s.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The results side by side as a Markdown table: one row per figure, one column per server and,
 * for two servers, the ratio of the first to the second. A figure a server has no value for (its
 * benchmark failed, or the server did not run) shows as "–".
 *
 * <pre>
 * | benchmark                           |  ours | etcd 3.4.23 | ours / etcd |
 * |-------------------------------------|------:|------------:|------------:|
 * | sequential put: throughput (puts/s) |   812 |         430 |        1.89 |
 * </pre>
 */
final class ResultTable {

  /** One server's figures, headed {@code title}. */
  record Column(String title, List<Figure> figures) {

    Optional<Figure> figure(String label) {
      return figures.stream().filter(f -> f.label().equals(label)).findFirst();
    }
  }

  private ResultTable() {}

  static String markdown(List<Column> columns) {
    Map<String, Figure> rows = new LinkedHashMap<>();
    columns.forEach(c -> c.figures().forEach(f -> rows.putIfAbsent(f.label(), f)));
    boolean ratio = columns.size() == 2;
    List<List<String>> cells = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("benchmark"));
    columns.forEach(c -> header.add(c.title()));
    if (ratio) {
      header.add(columns.get(0).title() + " / " + columns.get(1).title());
    }
    cells.add(header);
    for (String label : rows.keySet()) {
      List<String> row = new ArrayList<>(List.of(label));
      columns.forEach(c -> row.add(c.figure(label).map(ResultTable::value).orElse("–")));
      if (ratio) {
        row.add(ratio(columns.get(0).figure(label), columns.get(1).figure(label)));
      }
      cells.add(row);
    }
    return render(cells);
  }

  /** Throughputs as whole numbers, latencies with three significant digits or so. */
  static String value(Figure f) {
    double v = f.value();
    if (f.higherIsBetter() || v >= 100) {
      return StoreWorkloads.count((int) Math.round(v));
    }
    return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
  }

  private static String ratio(Optional<Figure> a, Optional<Figure> b) {
    if (a.isEmpty() || b.isEmpty() || b.get().value() == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f", a.get().value() / b.get().value());
  }

  /** Pads every column to its widest cell; the first left-aligned, numbers right-aligned. */
  private static String render(List<List<String>> cells) {
    int[] widths = new int[cells.get(0).size()];
    for (List<String> row : cells) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], Math.max(3, row.get(i).length()));
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      List<String> row = cells.get(r);
      out.append('|');
      for (int i = 0; i < row.size(); i++) {
        String pad = " ".repeat(widths[i] - row.get(i).length());
        out.append(' ').append(i == 0 ? row.get(i) + pad : pad + row.get(i)).append(" |");
      }
      out.append('\n');
      if (r == 0) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
          out.append(i == 0 ? "-".repeat(widths[i] + 2) : "-".repeat(widths[i] + 1) + ":").append('|');
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
