package dev.sessionwatch.bench;

import java.util.ArrayList;
import java.util.List;

/** The figures as a Markdown table, columns aligned, ready to paste into docs/performance.md. */
final class ResultTable {
  private static final List<String> HEADER = List.of("figure", "value", "target", "result");

  private ResultTable() {}

  static String format(List<Figure> figures) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Figure figure : figures) {
      rows.add(
          List.of(
              figure.name(),
              figure.value(),
              figure.target().isEmpty() ? "-" : figure.target(),
              switch (figure.verdict()) {
                case PASS -> "pass";
                case FAIL -> "FAIL";
                case INFO -> "info";
              }));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int index = 0; index < rows.size(); index++) {
      line(out, rows.get(index), widths);
      if (index == 0) {
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
          rule.add("-".repeat(width));
        }
        line(out, rule, widths);
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int column = 0; column < widths.length; column++) {
      String cell = cells.get(column);
      out.append(' ').append(cell).append(" ".repeat(widths[column] - cell.length())).append(" |");
    }
    out.append('\n');
  }
}
