package dev.sessionwatch.agent.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed-width table that {@code query user} (quser) and {@code query session} (qwinsta) print:
 * a header line, then one line per session whose first character is {@code >} for the session the
 * command ran in and a space otherwise.
 *
 * <p>The header's words are translated (USERNAME, BENUTZERNAME, NOMBRE USUARIO, ИМЯ_СЕАНСА, ...)
 * and its columns move between Windows versions, so they are found by position, never by word: the
 * second column starts where the header's first gap of two or more spaces ends. The first column
 * (quser's user name, qwinsta's session name) is what lies before it; the rest of a line is left to
 * the caller, whose columns hold no spaces and are told apart by their form.
 */
final class QueryTable {

  /**
   * One line below the header.
   *
   * @param number the line's number in the output, from 1, for messages
   * @param current whether it is the session the command ran in ({@code >})
   * @param first the first column, trimmed; empty when blank
   * @param rest everything from the second column on
   */
  record Row(int number, boolean current, String first, String rest) {}

  private QueryTable() {}

  /**
   * The rows of a table; none for output without any line.
   *
   * @throws IllegalArgumentException naming the line that does not fit the header
   */
  static List<Row> rows(String output) {
    String[] lines = output.split("\r?\n", -1);
    int header = 0;
    while (header < lines.length && lines[header].isBlank()) {
      header++;
    }
    if (header == lines.length) {
      return List.of();
    }
    int column = secondColumn(lines[header]);
    List<Row> rows = new ArrayList<>();
    for (int i = header + 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      char marker = line.charAt(0);
      if (marker != ' ' && marker != '>') {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " does not start with a space or '>': " + line.strip());
      }
      int second = indexAtColumn(line, column);
      if (second < line.length() && line.charAt(second - 1) != ' ') {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " runs across the header's columns: " + line.strip());
      }
      rows.add(
          new Row(i + 1, marker == '>', line.substring(1, second).strip(), line.substring(second)));
    }
    return rows;
  }

  /** The index of the character at a screen column, or the line's length when it is shorter. */
  private static int indexAtColumn(String line, int column) {
    int index = 0;
    int at = 0;
    while (index < line.length() && at < column) {
      int codePoint = line.codePointAt(index);
      at += width(codePoint);
      index += Character.charCount(codePoint);
    }
    return index;
  }

  /** Two screen columns for the wide characters of East Asian scripts, one for the others. */
  private static int width(int codePoint) {
    boolean wide =
        codePoint >= 0x1100 && codePoint <= 0x115F
            || codePoint >= 0x2E80 && codePoint <= 0xA4CF
            || codePoint >= 0xAC00 && codePoint <= 0xD7A3
            || codePoint >= 0xF900 && codePoint <= 0xFAFF
            || codePoint >= 0xFE30 && codePoint <= 0xFE4F
            || codePoint >= 0xFF00 && codePoint <= 0xFF60
            || codePoint >= 0xFFE0 && codePoint <= 0xFFE6
            || codePoint >= 0x20000;
    return wide ? 2 : 1;
  }

  /**
   * The screen column where the second column starts: after the first run of two or more spaces
   * past a word.
   */
  private static int secondColumn(String header) {
    int index = 0;
    int column = 0;
    int spaces = 0;
    boolean word = false;
    while (index < header.length()) {
      int codePoint = header.codePointAt(index);
      if (codePoint != ' ') {
        if (word && spaces >= 2) {
          return column;
        }
        word = true;
        spaces = 0;
      } else {
        spaces++;
      }
      column += width(codePoint);
      index += Character.charCount(codePoint);
    }
    throw new IllegalArgumentException("the header has a single column: " + header.strip());
  }
}
