package dev.sessionwatch.app.details;

import static dev.sessionwatch.app.testing.SessionLists.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class SessionDetailsViewModelTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final Fleet fleet = new Fleet(clock);
  private final Host web01 = fleet.addHost("web01");
  private final SimpleObjectProperty<Instant> now = new SimpleObjectProperty<>(T0);

  private final Session upload =
      Session.builder("proftpd:7", SessionKind.FTP, "proftpd")
          .user("examplecom")
          .userType("ftp user")
          .clientAddress("203.0.113.7")
          .loginTime(Instant.parse("2026-03-01T09:15:30Z"))
          .idleSince(T0.minusSeconds(192))
          .state("uploading")
          .domain("example.com")
          .currentDirectory("/httpdocs")
          .currentFile("site.tar.gz")
          .currentCommand("STOR")
          .previousCommand("LIST")
          .commandStartTime(Instant.parse("2026-03-01T09:59:00Z"))
          .transferRateBytesPerSecond(1_230_000L)
          .progress(0.42)
          .bytesSent(5_000L)
          .bytesReceived(1_234_567L)
          .lastReplyCode(150)
          .actions(SessionAction.END)
          .attributes(Map.of("pid", "4242", "class", "default"))
          .build();

  @Test
  void listsEveryFieldTheAgentSentLabelledAndReadable() {
    SessionDetailsViewModel details = details(upload);

    assertThat(details.fields())
        .containsExactly(
            new DetailField("Server", "web01"),
            new DetailField("Kind", "FTP"),
            new DetailField("Source", "proftpd"),
            new DetailField("Session id", "proftpd:7"),
            new DetailField("User", "examplecom"),
            new DetailField("User type", "ftp user"),
            new DetailField("IP address", "203.0.113.7"),
            new DetailField("Status", "uploading"),
            new DetailField("Logon time", "1 Mar 2026 09:15:30"),
            new DetailField("Idle time", "3m 12s (since 1 Mar 2026 09:56:48)"),
            new DetailField("Domain", "example.com"),
            new DetailField("Current location", "/httpdocs"),
            new DetailField("Current file", "site.tar.gz"),
            new DetailField("Current command", "STOR"),
            new DetailField("Command started", "1 Mar 2026 09:59:00"),
            new DetailField("Previous command", "LIST"),
            new DetailField("Speed", "1.2 MB/s"),
            new DetailField("Progress", "42 %"),
            new DetailField("Sent", "5.0 KB (5,000 bytes)"),
            new DetailField("Received", "1.2 MB (1,234,567 bytes)"),
            new DetailField("Last reply code", "150"));
  }

  @Test
  void leavesOutWhatTheAgentDidNotSend() {
    SessionDetailsViewModel details =
        details(Session.builder("utmp:1", SessionKind.TERMINAL, "utmp").line("tty1").build());

    assertThat(details.fields())
        .extracting(DetailField::label)
        .containsExactly("Server", "Kind", "Source", "Session id", "Terminal line");
  }

  @Test
  void listsTheSourcesAttributesByName() {
    assertThat(details(upload).attributes())
        .containsExactly(new DetailField("class", "default"), new DetailField("pid", "4242"));
  }

  @Test
  void offersTheActionsTheSessionAllows() {
    Session remote =
        Session.builder("utmp:2", SessionKind.TERMINAL, "utmp")
            .actions(SessionAction.LOGOUT, SessionAction.DISCONNECT)
            .build();

    assertThat(details(remote).actions())
        .containsExactly(SessionAction.DISCONNECT, SessionAction.LOGOUT);
  }

  @Test
  void titlesTheDialogWithUserAndServer() {
    assertThat(details(upload).titleProperty().get()).isEqualTo("examplecom on web01");
  }

  @Test
  void followsTheSessionWhenARefreshChangesIt() {
    SessionDetailsViewModel details = details(upload);

    fleet.apply(web01, answer(T0, upload.toBuilder().progress(0.9).build()));

    assertThat(details.fields()).contains(new DetailField("Progress", "90 %"));
  }

  @Test
  void idleTimeMovesOnWithTheClock() {
    SessionDetailsViewModel details = details(upload);

    now.set(T0.plus(Duration.ofSeconds(60)));

    assertThat(details.fields())
        .contains(new DetailField("Idle time", "4m 12s (since 1 Mar 2026 09:56:48)"));
  }

  @Test
  void stopsFollowingOnceClosed() {
    SessionDetailsViewModel details = details(upload);

    details.close();
    now.set(T0.plus(Duration.ofSeconds(60)));

    assertThat(details.fields())
        .contains(new DetailField("Idle time", "3m 12s (since 1 Mar 2026 09:56:48)"));
  }

  private SessionDetailsViewModel details(Session session) {
    fleet.apply(web01, answer(T0, session));
    SessionRow row = fleet.sessions(session.kind()).get(0);
    return new SessionDetailsViewModel(row, now, ZoneOffset.UTC);
  }
}
