package dev.sessionwatch.agent.cli;

import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SourceError;
import dev.sessionwatch.protocol.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Lays sessions out as a plain-text table, followed by what is wrong with the sources. */
final class SessionTable {
  private static final List<String> HEADER =
      List.of("KIND", "SOURCE", "USER", "FROM", "WHERE", "LOGIN", "IDLE", "STATE", "DOING");
  private static final DateTimeFormatter LOGIN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private SessionTable() {}

  static String format(SessionCatalog.Collected collected, List<SourceStatus> statuses) {
    return format(collected, statuses, ZoneId.systemDefault());
  }

  static String format(
      SessionCatalog.Collected collected, List<SourceStatus> statuses, ZoneId zone) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Session session : collected.sessions()) {
      rows.add(row(session, collected.collectedAt(), zone));
    }
    StringBuilder out = new StringBuilder();
    int[] widths = widths(rows);
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(String.format("%-" + widths[i] + "s", row.get(i)));
        line.append(i < row.size() - 1 ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    out.append(collected.sessions().size())
        .append(collected.sessions().size() == 1 ? " session\n" : " sessions\n");
    for (SourceStatus status : statuses) {
      if (!status.available()) {
        out.append("source ").append(status.name()).append(" unavailable: ");
        out.append(status.detail()).append('\n');
      }
    }
    for (SourceError error : collected.errors()) {
      out.append("source ").append(error.source()).append(" failed: ");
      out.append(error.message()).append('\n');
    }
    return out.toString();
  }

  private static List<String> row(Session s, Instant now, ZoneId zone) {
    return List.of(
        s.kind().wireName(),
        s.source(),
        orDash(s.user()),
        orDash(s.clientAddress() != null ? s.clientAddress() : s.remoteHost()),
        orDash(firstPresent(s.line(), s.domain(), s.panel())),
        s.loginTime() == null ? "-" : LOGIN_TIME.format(s.loginTime().atZone(zone)),
        s.idleSince() == null ? "-" : idle(Duration.between(s.idleSince(), now)),
        orDash(s.state()),
        doing(s));
  }

  /** What the session is busy with: an FTP command and file, with progress when known. */
  private static String doing(Session s) {
    String what =
        String.join(
            " ", Stream.of(s.currentCommand(), s.currentFile()).filter(Objects::nonNull).toList());
    if (s.progress() != null) {
      what += String.format(" (%.0f%%)", s.progress() * 100);
    }
    return what.isBlank() ? "-" : what.strip();
  }

  static String idle(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
    return String.format("%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
  }

  private static String firstPresent(String... values) {
    return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  private static int[] widths(List<List<String>> rows) {
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    return widths;
  }
}
