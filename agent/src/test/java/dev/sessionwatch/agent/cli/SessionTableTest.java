package dev.sessionwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceError;
import dev.sessionwatch.protocol.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTableTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void rowShowsWhoFromWhereSinceWhenAndWhatItDoes() {
    Session ftp =
        Session.builder("proftpd:1-2", SessionKind.FTP, "proftpd")
            .user("alice")
            .clientAddress("203.0.113.9")
            .domain("example.com")
            .loginTime(Instant.parse("2026-11-23T09:15:00Z"))
            .idleSince(NOW.minusSeconds(192))
            .state("downloading")
            .currentCommand("RETR")
            .currentFile("backup.tar.gz")
            .progress(0.42)
            .build();

    String table =
        SessionTable.format(
            new SessionCatalog.Collected(NOW, List.of(ftp), List.of()), List.of(), ZoneOffset.UTC);

    assertThat(table.lines().toList().get(1).split("\\s+"))
        .containsExactly(
            "ftp",
            "proftpd",
            "alice",
            "203.0.113.9",
            "example.com",
            "2026-11-23",
            "09:15",
            "3m12s",
            "downloading",
            "RETR",
            "backup.tar.gz",
            "(42%)");
    assertThat(table).contains("1 session\n");
  }

  @Test
  void unknownFieldsShowAsDashes() {
    Session bare = Session.builder("utmp:1-2", SessionKind.TERMINAL, "utmp").build();

    String table =
        SessionTable.format(
            new SessionCatalog.Collected(NOW, List.of(bare), List.of()), List.of(), ZoneOffset.UTC);

    assertThat(table.lines().toList().get(1).split("\\s+"))
        .containsExactly("terminal", "utmp", "-", "-", "-", "-", "-", "-", "-");
  }

  @Test
  void unavailableAndFailedSourcesAreNamedBelowTheTable() {
    String table =
        SessionTable.format(
            new SessionCatalog.Collected(
                NOW, List.of(), List.of(new SourceError("pure-ftpd", "exit status 1"))),
            List.of(SourceStatus.unavailable("utmp", SessionKind.TERMINAL, "no utmp file")),
            ZoneOffset.UTC);

    assertThat(table)
        .contains("0 sessions")
        .contains("source utmp unavailable: no utmp file")
        .contains("source pure-ftpd failed: exit status 1");
  }

  @Test
  void idleReadsLikeW() {
    assertThat(SessionTable.idle(Duration.ofSeconds(9))).isEqualTo("9s");
    assertThat(SessionTable.idle(Duration.ofSeconds(192))).isEqualTo("3m12s");
    assertThat(SessionTable.idle(Duration.ofMinutes(125))).isEqualTo("2h05m");
    assertThat(SessionTable.idle(Duration.ofHours(76))).isEqualTo("3d04h");
  }
}
