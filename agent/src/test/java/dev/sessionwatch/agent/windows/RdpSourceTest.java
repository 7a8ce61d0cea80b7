package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.ActionRequest;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SourceStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source running stand-ins for quser, qwinsta, tsdiscon, logoff and msg that print recorded
 * output and log their arguments: what the agent does on Windows, short of Windows.
 */
class RdpSourceTest {
  private static final HostSystem WINDOWS =
      new HostSystem("Windows Server 2022", ZoneId.of("UTC"), Locale.US);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-03-25T10:00:00Z"), ZoneOffset.UTC);
  private static final String SAVE_YOUR_WORK = "Save your work, please: restart at 18:00";

  private static final RdpClient LAPTOP = new RdpClient("LAPTOP-7Q2M", "192.168.0.1");

  @TempDir Path dir;
  private FakeWindowsTools tools;
  private RdpSource source;
  private final List<Integer> askedForClients = new ArrayList<>();

  @BeforeEach
  void useStandIns() {
    assumeTrue(FakeWindowsTools.canRun(), "needs /bin/sh to stand in for Windows' tools");
    tools = new FakeWindowsTools(dir);
    source = withClients(number -> RdpClient.UNKNOWN);
  }

  /**
   * The source, learning each session's client from {@code clients}, which logs what it is asked.
   */
  private RdpSource withClients(RdpClients clients) {
    return new RdpSource(
        new RdpSettings(dir, 30, Duration.ofSeconds(2), Duration.ofSeconds(10)),
        WINDOWS,
        CLOCK,
        () ->
            number -> {
              askedForClients.add(number);
              return clients.of(number);
            });
  }

  private Session listedOnly() throws SourceException {
    List<Session> sessions = source.list();
    assertThat(sessions).hasSize(1);
    return sessions.get(0);
  }

  @Test
  void isUnavailableOffWindowsNamingTheSystem() {
    String osName = System.getProperty("os.name");
    assumeTrue(!osName.startsWith("Windows"), "runs only where the host is not Windows");

    SourceStatus status = new RdpSource(RdpSettings.defaults()).status();

    assertThat(status.available()).isFalse();
    assertThat(status.detail()).contains("only on Windows", osName);
  }

  @Test
  void isUnavailableOnWindowsWithoutQuser() {
    SourceStatus status = source.status();

    assertThat(status.available()).isFalse();
    assertThat(status.detail()).contains("quser.exe", dir.toString());
  }

  @Test
  void isAvailableWithQuser() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-en-rdp-current.txt"));

    assertThat(source.status().available()).isTrue();
  }

  @Test
  void listsTheSessionsQuserPrints() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-es-disconnected.txt"));

    assertThat(source.list())
        .extracting(Session::user, Session::state)
        .containsExactly(tuple("mabe-b3", "active"), tuple("otro00", "disconnected"));
    assertThat(tools.calls("quser.exe")).containsExactly(List.of());
  }

  @Test
  void listsTheClientWindowsReportsForEachSession() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-en-rdp-current.txt"));
    source = withClients(number -> number == 1 ? LAPTOP : RdpClient.UNKNOWN);

    Session session = listedOnly();

    assertThat(session.remoteHost()).isEqualTo("LAPTOP-7Q2M");
    assertThat(session.clientAddress()).isEqualTo("192.168.0.1");
    assertThat(askedForClients).containsExactly(1);
  }

  @Test
  void leavesTheClientAbsentWhenWindowsKnowsNone() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-en-console-none.txt"));

    Session console = listedOnly();

    assertThat(console.remoteHost()).isNull();
    assertThat(console.clientAddress()).isNull();
    assertThat(askedForClients).hasSize(1);
  }

  @Test
  void asksNoClientForADisconnectedSession() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-es-disconnected.txt"));
    source = withClients(number -> LAPTOP);

    assertThat(source.list())
        .extracting(Session::state, Session::remoteHost)
        .containsExactly(tuple("active", "LAPTOP-7Q2M"), tuple("disconnected", null));
    assertThat(askedForClients).hasSize(1);
  }

  @Test
  void keepsTheSessionIdWhateverTheClient() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-en-rdp-current.txt"));
    String withoutClient = listedOnly().id();
    source = withClients(number -> LAPTOP);

    assertThat(listedOnly().id()).isEqualTo(withoutClient);
  }

  @Test
  void listsSessionsWithoutClientsWhenTheWtsApiCannotLoad() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-en-rdp-current.txt"));
    source =
        new RdpSource(
            new RdpSettings(dir, 30, Duration.ofSeconds(2), Duration.ofSeconds(10)),
            WINDOWS,
            CLOCK,
            () -> {
              throw new UnsatisfiedLinkError("Unable to load library 'Wtsapi32'");
            });

    Session session = listedOnly();

    assertThat(session.user()).isEqualTo("administrator");
    assertThat(session.clientAddress()).isNull();
  }

  @Test
  void nobodyLoggedOnIsNoSessionInAnyLanguage() throws Exception {
    tools.answer("quser.exe", "", Recorded.text("quser-no-user.stderr"), 1);
    tools.answer("qwinsta.exe", Recorded.text("qwinsta-en-nobody.txt"));

    assertThat(source.list()).isEmpty();
  }

  @Test
  void quserFailingWhileUsersAreLoggedOnIsAnError() throws Exception {
    tools.answer("quser.exe", "", Recorded.text("quser-access-denied.stderr"), 1);
    tools.answer("qwinsta.exe", Recorded.text("qwinsta-de.txt"));

    assertThatThrownBy(() -> source.list())
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "quser exited with status 1: Error 0x00000005 enumerating sessionnames"
                + " Error [5]:Access is denied.");
  }

  @Test
  void bothToolsFailingIsQusersError() throws Exception {
    String unreachable = Recorded.text("quser-rpc-unavailable.stderr");
    tools.answer("quser.exe", "", unreachable, 1);
    tools.answer("qwinsta.exe", "", unreachable, 1);

    assertThatThrownBy(() -> source.list())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("The RPC server is unavailable.");
  }

  @Test
  void outputThatIsNotQusersTableIsAnError() throws Exception {
    tools.answer("quser.exe", "Access is denied.\r\n");

    assertThatThrownBy(() -> source.list())
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("not its table");
  }

  @Test
  void disconnectRunsTsdisconWithTheSessionNumber() throws Exception {
    String rdp = Recorded.text("quser-en-rdp-current.txt");
    tools.answer("quser.exe", rdp);
    tools.answer("tsdiscon.exe", "");
    Session session = listedOnly();
    tools.thenAnswer("quser.exe", rdp.replace("  Active  ", "  Disc    "));

    ActionResult result = source.perform(session, SessionAction.DISCONNECT);

    assertThat(tools.calls("tsdiscon.exe")).containsExactly(List.of("1"));
    assertThat(result.sessionEnded()).isTrue();
    assertThat(result.message()).contains("disconnected session 1");
  }

  @Test
  void logoutRunsLogoffAndWatchesTheLoginGo() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-en-rdp-current.txt"));
    tools.answer("logoff.exe", "");
    Session session = listedOnly();
    tools.thenAnswer("quser.exe", ""); // after the re-check before acting, the login is gone

    ActionResult result = source.perform(session, SessionAction.LOGOUT);

    assertThat(tools.calls("logoff.exe")).containsExactly(List.of("1"));
    assertThat(result.sessionEnded()).isTrue();
  }

  @Test
  void messageRunsMsgWithTheTextAsOneArgument() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-en-rdp-current.txt"));
    tools.answer("msg.exe", "");
    Session session = listedOnly();

    ActionResult result =
        source.perform(session, SessionAction.MESSAGE, new ActionRequest(SAVE_YOUR_WORK));

    assertThat(tools.calls("msg.exe")).containsExactly(List.of("1", "/TIME:30", SAVE_YOUR_WORK));
    assertThat(result.sessionEnded()).isFalse();
    assertThat(result.message()).contains(SAVE_YOUR_WORK, "session 1", "30 s");
  }

  @Test
  void actingOnASessionNowHoldingAnotherLoginIsGone() throws Exception {
    String alice = Recorded.text("quser-en-rdp-current.txt");
    tools.answer("quser.exe", alice);
    tools.answer("logoff.exe", "");
    Session session = listedOnly();
    tools.answer("quser.exe", alice.replace("3/25/2021 9:27 AM", "3/25/2021 9:58 AM"));

    assertThatThrownBy(() -> source.perform(session, SessionAction.LOGOUT))
        .isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.GONE);
    assertThat(tools.calls("logoff.exe")).isEmpty();
  }

  @Test
  void theConsoleIsNotLoggedOff() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-en-console-none.txt"));
    tools.answer("logoff.exe", "");
    Session console = listedOnly();

    assertThatThrownBy(() -> source.perform(console, SessionAction.LOGOUT))
        .isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.NOT_OFFERED);
    assertThat(tools.calls("logoff.exe")).isEmpty();
  }

  @Test
  void aFailingToolIsAFailedActionInItsOwnWords() throws Exception {
    tools.answer("quser.exe", Recorded.text("quser-en-rdp-current.txt"));
    tools.answer("tsdiscon.exe", "", "Could not disconnect session 1.\r\n", 1);
    Session session = listedOnly();

    assertThatThrownBy(() -> source.perform(session, SessionAction.DISCONNECT))
        .isInstanceOf(ActionException.class)
        .hasMessage("tsdiscon.exe exited with status 1: Could not disconnect session 1.")
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.FAILED);
  }

  @Test
  void buildsEachActionsCommandLineExactly() throws Exception {
    assertThat(source.call(SessionAction.DISCONNECT, "3", ActionRequest.NONE).commandLine())
        .containsExactly(dir.resolve("tsdiscon.exe").toString(), "3");
    assertThat(source.call(SessionAction.LOGOUT, "3", ActionRequest.NONE).commandLine())
        .containsExactly(dir.resolve("logoff.exe").toString(), "3");
    assertThat(
            source
                .call(SessionAction.MESSAGE, "3", new ActionRequest(SAVE_YOUR_WORK))
                .commandLine())
        .containsExactly(dir.resolve("msg.exe").toString(), "3", "/TIME:30", SAVE_YOUR_WORK);
  }

  @Test
  void refusesAMessageWithAControlCharacterOrOverTheLimit() {
    for (String text : List.of("first\nsecond", "x".repeat(ActionRequest.MAX_TEXT_LENGTH + 1))) {
      assertThatThrownBy(() -> source.call(SessionAction.MESSAGE, "3", new ActionRequest(text)))
          .as(text)
          .isInstanceOf(ActionException.class);
    }
  }

  @Test
  void refusesASessionNumberThatIsNotOne() {
    assertThatThrownBy(() -> source.call(SessionAction.LOGOUT, "3 /server:x", ActionRequest.NONE))
        .isInstanceOf(ActionException.class);
  }
}
