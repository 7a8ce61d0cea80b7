package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceError;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cPanel source on session trees in cPanel's format; ending runs against the real process
 * table, with {@code sleep} processes this test starts as the registered processes.
 */
class CpanelSourceTest {

  private static final String ALICE = "alice:Xq3vK9mPz2LwR7tB";
  private static final String ROOT = "root:Ab8dF2hJ4kL6nP0r";
  private static final String BOB = "bob@example.com:Zx1cV3bN5mQ7wE9r";
  private static final Duration GRACE = Duration.ofMillis(500);

  @TempDir Path dir;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final List<Process> started = new ArrayList<>();
  private CpanelSessionTree tree;
  private CpanelSource source;

  @BeforeEach
  void createTree() throws IOException {
    tree = new CpanelSessionTree(dir.resolve("sessions"));
    source = sourceWithTimeout(CpanelSettings.CPANEL_SESSION_EXPIRY);
  }

  @AfterEach
  void stopProcesses() {
    started.forEach(Process::destroyForcibly);
  }

  private CpanelSource sourceWithTimeout(Duration timeout) {
    return new CpanelSource(
        new CpanelSettings(tree.root(), timeout, ProcessTable.DEFAULT_ROOT, GRACE),
        Clock.systemUTC());
  }

  private long login() {
    return now.minusSeconds(600).getEpochSecond();
  }

  private Session only(String user) throws Exception {
    return source.list().stream().filter(s -> user.equals(s.user())).findFirst().orElseThrow();
  }

  private SessionCatalog.Collected collect() {
    return new SessionCatalog(List.<SessionSource>of(source)).collect(Set.of(SessionKind.PANEL));
  }

  /** A sleep the test owns, and its UPID as cPanel registers it: PID.STARTTICKS.BOOTTIME. */
  private Process startSleep() throws IOException {
    Process sleep = new ProcessBuilder("sleep", "60").start();
    started.add(sleep);
    return sleep;
  }

  private static String upid(Process process) throws IOException {
    ProcessTable table = new ProcessTable(ProcessTable.DEFAULT_ROOT);
    return process.pid()
        + "."
        + table.readStat(process.pid()).orElseThrow().startTimeTicks()
        + "."
        + table.bootTime().bootedAt().getEpochSecond();
  }

  private static String ownerOf(Process process) throws IOException {
    return Files.getOwner(Path.of("/proc", Long.toString(process.pid()))).getName();
  }

  @Test
  void listsCpanelWhmAndWebmailLogins() throws Exception {
    tree.write(ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), now);
    tree.write(ROOT, CpanelSessionTree.loggedIn("root", "whostmgrd", login()), now);
    tree.write(BOB, CpanelSessionTree.loggedIn("bob@example.com", "webmaild", login()), now);

    assertThat(source.list())
        .extracting(Session::user, Session::userType)
        .containsExactlyInAnyOrder(
            tuple("alice", "cPanel user"),
            tuple("root", "WHM"),
            tuple("bob@example.com", "webmail"));
  }

  @Test
  void mapsASessionFilesFields() throws Exception {
    Instant lastActivity = now.minusSeconds(90);
    tree.write(ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), lastActivity);

    Session session = only("alice");

    assertThat(session.id())
        .isEqualTo("cpanel:" + CpanelSource.idOf(ALICE))
        .matches("cpanel:[0-9a-f]{16}");
    assertThat(session.kind()).isEqualTo(SessionKind.PANEL);
    assertThat(session.panel()).isEqualTo("cpanel");
    assertThat(session.clientAddress()).isEqualTo("203.0.113.7");
    assertThat(session.loginTime()).isEqualTo(Instant.ofEpochSecond(login()));
    assertThat(session.idleSince()).isEqualTo(lastActivity);
    assertThat(session.actions()).containsExactly(SessionAction.LOGOUT);
    assertThat(session.attributes()).isEqualTo(Map.of("app", "cpaneld"));
  }

  @Test
  void leavesOutASessionCpanelHasExpired() throws Exception {
    tree.write(
        ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), now.minusSeconds(600));
    tree.write(
        ROOT,
        CpanelSessionTree.loggedIn(
            "root", "whostmgrd", now.minus(Duration.ofHours(30)).getEpochSecond()),
        now.minus(Duration.ofHours(25)));

    assertThat(source.list()).extracting(Session::user).containsExactly("alice");
  }

  @Test
  void leavesOutASessionIdleLongerThanTheConfiguredTimeout() throws Exception {
    tree.write(
        ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), now.minusSeconds(600));
    source = sourceWithTimeout(Duration.ofMinutes(5));

    assertThat(source.list()).isEmpty();
  }

  @Test
  void leavesOutSessionsWaitingForTheirLogin() throws Exception {
    tree.write(":QSJNsFdKZtCi2oAb", "needs_auth=1\nip_address=203.0.113.7\n", now);
    tree.write(ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), now);
    tree.flagPreauth(ALICE);

    SessionCatalog.Collected collected = collect();

    assertThat(collected.sessions()).isEmpty();
    assertThat(collected.errors()).isEmpty();
  }

  @Test
  void ignoresCpanelsLockFiles() throws Exception {
    tree.write(ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), now);
    Files.writeString(tree.root().resolve("raw").resolve(ALICE + ".lock"), "31337");

    SessionCatalog.Collected collected = collect();

    assertThat(collected.sessions()).hasSize(1);
    assertThat(collected.errors()).isEmpty();
  }

  @Test
  void reportsMalformedFilesBesideTheSessionsItRead() throws Exception {
    tree.write(ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), now);
    tree.write("junk:Qw2Er4Ty6Ui8Op0A", new byte[] {0x7f, 'E', 'L', 'F', 0, 0, '=', 1}, now);
    tree.write("carol:As1Df3Gh5Jk7Lz9X", "user=carol\nip_address=203.0.113.9\n", now);
    tree.write(
        "dave:Zx2Cv4Bn6Mq8Wr0T",
        "user=dave\npass=x\r\nsuccessful_internal_auth_with_timestamp=9999999999\n",
        now);
    tree.write(
        "erin:Po9Iu7Yt5Re3Wq1S",
        CpanelSessionTree.loggedIn("erin", "cpaneld", login(), "x=" + "y".repeat(100_000)),
        now);

    SessionCatalog.Collected collected = collect();

    assertThat(collected.sessions()).extracting(Session::user).containsExactly("alice");
    assertThat(collected.errors()).extracting(SourceError::source).containsOnly(CpanelSource.NAME);
    assertThat(collected.errors())
        .extracting(SourceError::message)
        .containsExactlyInAnyOrder(
            "skipped the session file of carol (cpanel:"
                + CpanelSource.idOf("carol:As1Df3Gh5Jk7Lz9X")
                + "): it has neither successful_internal_auth_with_timestamp nor"
                + " successful_external_auth_with_timestamp",
            "skipped the session file of dave (cpanel:"
                + CpanelSource.idOf("dave:Zx2Cv4Bn6Mq8Wr0T")
                + "): line 2 holds a carriage return, which cPanel never writes",
            "skipped the session file of erin (cpanel:"
                + CpanelSource.idOf("erin:Po9Iu7Yt5Re3Wq1S")
                + "): it is larger than 65536 bytes",
            "skipped the session file of junk (cpanel:"
                + CpanelSource.idOf("junk:Qw2Er4Ty6Ui8Op0A")
                + "): line 1 holds binary data");
  }

  @Test
  void reportsAFileWhoseUserIsNotTheOneItIsNamedFor() throws Exception {
    tree.write(ALICE, CpanelSessionTree.loggedIn("root", "whostmgrd", login()), now);

    assertThat(collect().errors())
        .extracting(SourceError::message)
        .containsExactly(
            "skipped the session file of alice (cpanel:"
                + CpanelSource.idOf(ALICE)
                + "): its user is not the one its file is named for");
  }

  @Test
  void reportsALoginTimeAfterTheFilesLastChange() throws Exception {
    tree.write(ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", 9_999_999_999L), now);

    assertThat(collect().errors())
        .extracting(SourceError::message)
        .singleElement()
        .asString()
        .endsWith("its login time is after the file's last change");
  }

  @Test
  void neverShowsASecretOrTheSessionFileName() throws Exception {
    tree.write(ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), now);
    tree.write(
        "alice:Mn4Bv6Cx8Zl0Kj2H",
        CpanelSessionTree.loggedIn("alice", "cpaneld", login()).replace("pass=", "pass=x\r"),
        now);

    SessionCatalog.Collected collected = collect();
    String json =
        Json.mapper().writeValueAsString(collected.sessions())
            + Json.mapper().writeValueAsString(collected.errors());

    assertThat(collected.sessions()).hasSize(1);
    assertThat(collected.errors()).hasSize(1);
    assertThat(json)
        .doesNotContain(CpanelSessionTree.SECRETS)
        .doesNotContain("Xq3vK9mPz2LwR7tB", "Mn4Bv6Cx8Zl0Kj2H");
  }

  @Test
  void isUnavailableWithoutCpanel() {
    CpanelSource elsewhere =
        new CpanelSource(
            new CpanelSettings(
                dir.resolve("none"),
                CpanelSettings.CPANEL_SESSION_EXPIRY,
                ProcessTable.DEFAULT_ROOT,
                GRACE),
            Clock.systemUTC());

    assertThat(elsewhere.status())
        .isEqualTo(
            SourceStatus.unavailable(
                "cpanel",
                SessionKind.PANEL,
                "no cPanel session directory at "
                    + dir.resolve("none/raw")
                    + " (is cPanel installed?)"));
  }

  @Test
  void isAvailableOnACpanelSessionTree() {
    assertThat(source.status().available()).isTrue();
  }

  @Test
  void logoutRemovesExactlyThatSessionsFiles() throws Exception {
    tree.write(ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), now);
    tree.write(ROOT, CpanelSessionTree.loggedIn("root", "whostmgrd", login()), now);
    Files.writeString(tree.root().resolve("raw").resolve(ALICE + ".lock"), "31337");

    ActionResult result = source.perform(only("alice"), SessionAction.LOGOUT);

    assertThat(result.sessionEnded()).isTrue();
    assertThat(result.message()).isEqualTo("logged out alice: removed its session files");
    assertThat(tree.names("raw")).containsExactly(ALICE + ".lock", ROOT);
    assertThat(tree.names("cache")).containsExactly(ROOT);
    assertThat(source.list()).extracting(Session::user).containsExactly("root");
  }

  @Test
  void logoutEndsTheSessionsRegisteredProcess() throws Exception {
    Process sleep = startSleep();
    String user = ownerOf(sleep);
    String name = user + ":Rt5Yu7Io9Pa1Sd3F";
    tree.write(
        name,
        CpanelSessionTree.loggedIn(user, "cpaneld", login(), "registered_processes=" + upid(sleep)),
        now);

    ActionResult result = source.perform(only(user), SessionAction.LOGOUT);

    assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(result.sessionEnded()).isTrue();
    assertThat(result.message())
        .isEqualTo(
            "logged out "
                + user
                + ": removed its session files; registered processes: sent SIGTERM to 1 process;"
                + " all ended");
    assertThat(tree.names("raw")).isEmpty();
  }

  @Test
  void logoutLeavesAloneARegisteredProcessTheUserDoesNotOwn() throws Exception {
    Process sleep = startSleep();
    tree.write(
        ALICE,
        CpanelSessionTree.loggedIn(
            "alice", "cpaneld", login(), "registered_processes=" + upid(sleep)),
        now);

    ActionResult result = source.perform(only("alice"), SessionAction.LOGOUT);

    assertThat(result.message())
        .isEqualTo(
            "logged out alice: removed its session files; left alone 1 process that alice does"
                + " not own");
    assertThat(sleep.waitFor(1, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void logoutOfWhmEndsARegisteredProcessOfAnyOwner() throws Exception {
    Process sleep = startSleep();
    Assumptions.assumeFalse("reseller".equals(ownerOf(sleep)), "needs a user other than reseller");
    tree.write(
        "reseller:Gh6Jk8Lz0Xc2Vb4N",
        CpanelSessionTree.loggedIn(
            "reseller", "whostmgrd", login(), "registered_processes=" + upid(sleep)),
        now);

    source.perform(only("reseller"), SessionAction.LOGOUT);

    assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void logoutLeavesAloneAProcessRegisteredBeforeTheLastBoot() throws Exception {
    Process sleep = startSleep();
    String user = ownerOf(sleep);
    String[] parts = upid(sleep).split("\\.");
    String earlierBoot = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) - 86_400);
    tree.write(
        user + ":Rt5Yu7Io9Pa1Sd3F",
        CpanelSessionTree.loggedIn(user, "cpaneld", login(), "registered_processes=" + earlierBoot),
        now);

    ActionResult result = source.perform(only(user), SessionAction.LOGOUT);

    assertThat(result.message())
        .endsWith("; of its registered processes, 1 process had already ended");
    assertThat(sleep.waitFor(1, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void logoutOfASessionThatVanishedIsGone() throws Exception {
    tree.write(ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), now);
    Session alice = only("alice");
    Files.delete(tree.root().resolve("raw").resolve(ALICE));

    assertThatThrownBy(() -> source.perform(alice, SessionAction.LOGOUT))
        .isInstanceOf(ActionException.class)
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.GONE);
  }

  @Test
  void endIsNotOffered() throws Exception {
    tree.write(ALICE, CpanelSessionTree.loggedIn("alice", "cpaneld", login()), now);

    assertThatThrownBy(() -> source.perform(only("alice"), SessionAction.END))
        .extracting(e -> ((ActionException) e).reason())
        .isEqualTo(ActionException.Reason.NOT_OFFERED);
    assertThat(tree.names("raw")).containsExactly(ALICE);
  }
}
