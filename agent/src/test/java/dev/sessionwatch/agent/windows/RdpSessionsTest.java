package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** quser's recorded lines as the protocol's sessions, on a host in Berlin. */
class RdpSessionsTest {

  private static final HostSystem BERLIN_US =
      new HostSystem("Windows Server 2022", ZoneId.of("Europe/Berlin"), Locale.US);
  private static final String HEADER =
      " USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME\n";

  private static Session only(String output, Instant collectedAt) {
    List<Session> sessions = RdpSessions.of(output, collectedAt, BERLIN_US);
    assertThat(sessions).hasSize(1);
    return sessions.get(0);
  }

  @Test
  void mapsAnRdpLogin() {
    Session session =
        only(Recorded.text("quser-en-rdp-current.txt"), Instant.parse("2021-03-25T10:00:30Z"));

    assertThat(session.kind()).isEqualTo(SessionKind.TERMINAL);
    assertThat(session.source()).isEqualTo("rdp");
    assertThat(session.id()).matches("rdp:1-[0-9a-f]{8}");
    assertThat(session.user()).isEqualTo("administrator");
    assertThat(session.line()).isEqualTo("rdp-tcp#2");
    assertThat(session.state()).isEqualTo("active");
    assertThat(session.loginTime()).isEqualTo(Instant.parse("2021-03-25T08:27:00Z"));
    assertThat(session.idleSince()).isEqualTo(Instant.parse("2021-03-25T10:00:00Z"));
    assertThat(session.actions())
        .containsExactly(SessionAction.MESSAGE, SessionAction.DISCONNECT, SessionAction.LOGOUT);
    assertThat(session.attributes())
        .containsEntry("sessionId", "1")
        .containsEntry("state", "Active")
        .containsEntry("idleTime", ".")
        .containsEntry("logonTime", "3/25/2021 9:27 AM");
  }

  @Test
  void leavesWhatQuserDoesNotKnowAbsent() {
    Session session =
        only(Recorded.text("quser-en-rdp-current.txt"), Instant.parse("2021-03-25T10:00:30Z"));

    assertThat(session.clientAddress()).isNull();
    assertThat(session.remoteHost()).isNull();
    assertThat(session.userType()).isNull();
  }

  @Test
  void offersNoLogOutForTheConsoleAndNoIdleTimeForNone() {
    Session console =
        only(Recorded.text("quser-en-console-none.txt"), Instant.parse("2024-03-25T12:00:00Z"));

    assertThat(console.actions()).containsExactly(SessionAction.MESSAGE, SessionAction.DISCONNECT);
    assertThat(console.idleSince()).isNull();
    assertThat(console.loginTime()).isEqualTo(Instant.parse("2024-03-25T11:01:00Z"));
  }

  @Test
  void offersOnlyLogOutForADisconnectedLogin() {
    List<Session> sessions =
        RdpSessions.of(
            Recorded.text("quser-es-disconnected.txt"),
            Instant.parse("2018-07-25T09:00:00Z"),
            BERLIN_US);

    Session disconnected = sessions.get(1);
    assertThat(disconnected.state()).isEqualTo("disconnected");
    assertThat(disconnected.line()).isNull();
    assertThat(disconnected.actions()).containsExactly(SessionAction.LOGOUT);
    assertThat(disconnected.idleSince()).isEqualTo(Instant.parse("2018-07-25T08:58:00Z"));
  }

  @Test
  void readsGermanDatesAndSpanishStates() {
    Session german =
        only(Recorded.text("quser-en-german-dates.txt"), Instant.parse("2022-08-24T16:00:00Z"));
    List<Session> spanish =
        RdpSessions.of(
            Recorded.text("quser-es-disconnected.txt"),
            Instant.parse("2018-07-25T09:00:00Z"),
            BERLIN_US);

    assertThat(german.loginTime()).isEqualTo(Instant.parse("2022-08-24T15:42:00Z"));
    assertThat(spanish).extracting(Session::state).containsExactly("active", "disconnected");
    assertThat(spanish.get(0).loginTime()).isEqualTo(Instant.parse("2018-07-25T05:46:00Z"));
  }

  @Test
  void keepsTheSameIdWhilePollsGoOn() {
    String output = Recorded.text("quser-en-rdp-current.txt");

    Session first = only(output, Instant.parse("2021-03-25T10:00:30Z"));
    Session later = only(output, Instant.parse("2021-03-25T10:00:50Z"));

    assertThat(later).isEqualTo(first);
  }

  @Test
  void givesTheNextLoginInTheSameSessionAnotherId() {
    String alice =
        HEADER
            + " alice                 rdp-tcp#3           3  Active          .  3/25/2021 9:27 AM\n";
    String bob =
        HEADER
            + " bob                   rdp-tcp#3           3  Active          .  3/25/2021 9:27 AM\n";
    String aliceAgain =
        HEADER
            + " alice                 rdp-tcp#3           3  Active          .  3/25/2021 9:41 AM\n";
    Instant now = Instant.parse("2021-03-25T10:00:00Z");

    assertThat(List.of(only(alice, now).id(), only(bob, now).id(), only(aliceAgain, now).id()))
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("rdp:3-"));
  }

  @Test
  void dropsAnIdleTimeLongerThanTheLogin() {
    // The values of PSQuser issue 7 (Windows Server 2008 R2), in quser's usual layout.
    String output =
        HEADER
            + " user2                 rdp-tcp#111        42  Active  24692+13:29  16/11/2020 08:58\n";

    Session session = only(output, Instant.parse("2020-11-16T10:00:00Z"));

    assertThat(session.idleSince()).isNull();
    assertThat(session.loginTime()).isEqualTo(Instant.parse("2020-11-16T07:58:00Z"));
  }

  @Test
  void showsAStateWordItDoesNotKnowAsPrinted() {
    String output =
        HEADER
            + " mario                 rdp-tcp#4           4  Attivo          .  25/3/2021 09:27\n";

    Session session = only(output, Instant.parse("2021-03-25T10:00:00Z"));

    assertThat(session.state()).isEqualTo("Attivo");
    assertThat(session.actions())
        .containsExactly(SessionAction.MESSAGE, SessionAction.DISCONNECT, SessionAction.LOGOUT);
  }

  @Test
  void refusesOutputThatIsNotQusersTable() {
    assertThatThrownBy(
            () -> RdpSessions.of("Access denied", Instant.parse("2021-03-25T10:00:00Z"), BERLIN_US))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
