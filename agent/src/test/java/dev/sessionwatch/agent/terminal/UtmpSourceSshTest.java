package dev.sessionwatch.agent.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.agent.os.ProcessInfo;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.SshClient;
import dev.sessionwatch.agent.testing.SshdServer;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The utmp source against a real OpenSSH server on loopback, with real logins by a test user.
 * Skipped where root or OpenSSH is missing.
 */
class UtmpSourceSshTest {

  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);

  /** A command whose arguments mark the detached child, to find it in the process table. */
  private static final String DETACHED_SLEEP = "sleep 6017";

  private static final String WITH_DETACHED_CHILD =
      "setsid nohup " + DETACHED_SLEEP + " >/dev/null 2>&1 < /dev/null & exec sleep 600";

  @TempDir Path dir;
  private final ProcessTable table = new ProcessTable(ProcessTable.DEFAULT_ROOT);
  private SshdServer sshd;
  private UtmpSource source;

  private void startSshd(boolean usePam) throws Exception {
    sshd = SshdServer.start(dir, usePam);
    source =
        new UtmpSource(
            new UtmpSettings(
                sshd.utmpFile(),
                ProcessTable.DEFAULT_ROOT,
                Path.of("/dev"),
                Duration.ofSeconds(2)));
  }

  @AfterEach
  void stopSshd() throws Exception {
    if (sshd != null) {
      sshd.close();
    }
  }

  private Optional<Session> find(Predicate<Session> which) throws Exception {
    return source.list().stream()
        .filter(session -> sshd.user().equals(session.user()))
        .filter(which)
        .findFirst();
  }

  private Session awaitLogin(Predicate<Session> which) throws Exception {
    return Await.value(sshd.user() + "'s login to be listed", LOGIN_TIMEOUT, () -> find(which));
  }

  private Session awaitTerminalLogin() throws Exception {
    return awaitLogin(session -> session.line().startsWith("pts/"));
  }

  private Session awaitNottyLogin() throws Exception {
    return awaitLogin(session -> session.line().equals("notty"));
  }

  private boolean isListed(Session session) throws Exception {
    return source.list().stream().anyMatch(listed -> listed.id().equals(session.id()));
  }

  private ProcessInfo awaitDetachedChild() throws Exception {
    return Await.value(
        "the detached " + DETACHED_SLEEP,
        LOGIN_TIMEOUT,
        () ->
            table.snapshot().all().stream()
                .filter(p -> p.uid() == sshd.uid() && p.cmdline().equals(DETACHED_SLEEP))
                .filter(p -> !p.isZombie())
                .findFirst());
  }

  private boolean isRunning(ProcessIdentity process) {
    return table
        .read(process.pid())
        .filter(p -> p.identity().equals(process) && !p.isZombie())
        .isPresent();
  }

  @Test
  void listsALoginWithATerminal() throws Exception {
    startSshd(true);
    sshd.login(true, "sleep 600");

    Session session = awaitTerminalLogin();

    assertThat(session.id()).matches("utmp:\\d+-\\d+");
    assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(session.remoteHost()).isEqualTo("127.0.0.1");
    assertThat(session.state()).isEqualTo("active");
    assertThat(session.loginTime()).isCloseTo(Instant.now(), within(LOGIN_TIMEOUT));
    assertThat(session.idleSince()).isNotNull();
    assertThat(session.actions()).containsExactly(SessionAction.DISCONNECT, SessionAction.LOGOUT);
    // OpenSSH 9.2 records its privileged monitor as ut_pid.
    assertThat(session.attributes())
        .containsEntry("process", "sshd: " + sshd.user() + " [priv]")
        .containsKey("connectionPid");
  }

  @Test
  void givesTheLoginTheAuditSessionPamOpened() throws Exception {
    startSshd(true);
    sshd.login(true, "sleep 600");

    Session session = awaitTerminalLogin();

    // pam_loginuid sets /proc/PID/sessionid for the monitor and all below it (seen on Debian 12).
    long monitor = Long.parseLong(session.attributes().get("pid"));
    Long auditSession = table.read(monitor).orElseThrow().auditSessionId();
    assertThat(auditSession).isNotNull();
    assertThat(session.attributes()).containsEntry("auditSessionId", auditSession.toString());
  }

  @Test
  void listsALoginWithoutTerminalFromTheProcessTable() throws Exception {
    startSshd(true);
    sshd.login(false, "sleep 600");

    Session session = awaitNottyLogin();

    assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(session.remoteHost()).isNull();
    assertThat(session.idleSince()).isNull();
    assertThat(session.attributes()).containsKey("clientPort");
    assertThat(session.actions()).containsExactly(SessionAction.DISCONNECT, SessionAction.LOGOUT);
  }

  @Test
  void logoutEndsALoginWithATerminal() throws Exception {
    startSshd(true);
    SshClient client = sshd.login(true, "sleep 600");
    Session session = awaitTerminalLogin();

    ActionResult result = source.perform(session, SessionAction.LOGOUT);

    assertThat(result.sessionEnded()).as(result.message()).isTrue();
    assertThat(client.awaitExit(EXIT_TIMEOUT)).as("ssh client ended").isTrue();
    assertThat(isListed(session)).isFalse();
  }

  @Test
  void logoutEndsALoginWithoutTerminal() throws Exception {
    startSshd(true);
    SshClient client = sshd.login(false, "sleep 600");
    Session session = awaitNottyLogin();

    ActionResult result = source.perform(session, SessionAction.LOGOUT);

    assertThat(result.sessionEnded()).as(result.message()).isTrue();
    assertThat(client.awaitExit(EXIT_TIMEOUT)).as("ssh client ended").isTrue();
    assertThat(isListed(session)).isFalse();
  }

  @Test
  void disconnectClosesTheConnection() throws Exception {
    startSshd(true);
    SshClient client = sshd.login(true, "sleep 600");
    Session session = awaitTerminalLogin();

    ActionResult result = source.perform(session, SessionAction.DISCONNECT);

    assertThat(result.sessionEnded()).as(result.message()).isTrue();
    assertThat(client.awaitExit(EXIT_TIMEOUT)).as("ssh client ended").isTrue();
    assertThat(client.output()).contains("closed by remote host");
    // The monitor notices its connection process ended, marks the entry dead and exits.
    Await.until("the login to disappear", EXIT_TIMEOUT, () -> !isListed(session));
  }

  @Test
  void logoutEndsWhatTheLoginDetached() throws Exception {
    startSshd(true);
    sshd.login(true, WITH_DETACHED_CHILD);
    Session session = awaitTerminalLogin();
    ProcessInfo detached = awaitDetachedChild();

    source.perform(session, SessionAction.LOGOUT);

    assertThat(isRunning(detached.identity())).as("detached child running").isFalse();
  }

  @Test
  void disconnectLeavesWhatTheLoginDetached() throws Exception {
    startSshd(true);
    sshd.login(true, WITH_DETACHED_CHILD);
    Session session = awaitTerminalLogin();
    ProcessInfo detached = awaitDetachedChild();

    source.perform(session, SessionAction.DISCONNECT);
    Await.until("the login to disappear", EXIT_TIMEOUT, () -> !isListed(session));

    assertThat(isRunning(detached.identity())).as("detached child running").isTrue();
    // Clean up here rather than only in teardown, and make sure it went.
    new ProcessSignaller(table, Duration.ofSeconds(1)).end(List.of(detached.identity()));
    assertThat(isRunning(detached.identity())).isFalse();
  }

  @Test
  void logoutWithoutAuditSessionEndsTheProcessTree() throws Exception {
    startSshd(false); // no PAM, so no pam_loginuid: the login has no audit session of its own
    SshClient client = sshd.login(true, WITH_DETACHED_CHILD);
    Session session = awaitTerminalLogin();
    ProcessInfo detached = awaitDetachedChild();
    assertThat(session.attributes()).doesNotContainKey("auditSessionId");

    ActionResult result = source.perform(session, SessionAction.LOGOUT);

    assertThat(result.sessionEnded()).as(result.message()).isTrue();
    assertThat(client.awaitExit(EXIT_TIMEOUT)).as("ssh client ended").isTrue();
    // Still a child of the shell (exec'd into sleep 600) when the logout walked the tree.
    assertThat(isRunning(detached.identity())).as("detached child running").isFalse();
  }

  @Test
  void refusesToActOnALoginThatEnded() throws Exception {
    startSshd(true);
    sshd.login(true, "sleep 600");
    Session session = awaitTerminalLogin();
    source.perform(session, SessionAction.LOGOUT);

    assertThatThrownBy(() -> source.perform(session, SessionAction.LOGOUT))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.GONE));
  }

  private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        duration.toSeconds(), ChronoUnit.SECONDS);
  }
}
