package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.testing.ProcFixture;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cockpit source on a proc tree laid out as Cockpit 287 lays out its processes. */
class CockpitSourceTest {

  private static final long BOOT = 1795433210;
  private static final long WS_UID = 106;
  private static final long ALICE_UID = 1001;
  private static final long SESSION_START = 52000;
  private static final long BRIDGE_START = 52031;

  @TempDir Path dir;
  private ProcFixture proc;
  private Path cockpitWs;
  private Path passwd;
  private CockpitSource source;

  @BeforeEach
  void createFixture() throws Exception {
    proc = new ProcFixture(dir.resolve("proc"), BOOT);
    cockpitWs = dir.resolve("cockpit-ws");
    passwd =
        Files.writeString(
            dir.resolve("passwd"),
            "root:x:0:0:root:/root:/bin/bash\n"
                + "cockpit-wsinstance:x:106:106::/nonexistent:/usr/sbin/nologin\n"
                + "alice:x:1001:1001::/home/alice:/bin/bash\n");
    source = new CockpitSource(new CockpitSettings(cockpitWs, proc.root(), passwd, Duration.ZERO));
    proc.process(900)
        .uid(WS_UID)
        .comm("cockpit-ws")
        .args("/usr/lib/cockpit/cockpit-ws", "--no-tls")
        .startTicks(40000)
        .create();
  }

  /**
   * {@code cockpit-session} as cockpit-ws starts it: root, the client's address in its environment.
   */
  private ProcFixture.Process session(long pid, long ppid, String... environment) {
    return proc.process(pid)
        .ppid(ppid)
        .comm("cockpit-session")
        .args("/usr/lib/cockpit/cockpit-session", "localhost")
        .startTicks(SESSION_START)
        .environ(environment);
  }

  private ProcFixture.Process bridge(long pid, long ppid, long uid) {
    return proc.process(pid)
        .ppid(ppid)
        .uid(uid)
        .comm("cockpit-bridge")
        .args("cockpit-bridge")
        .startTicks(BRIDGE_START)
        .environ("HOME=/home/alice", "COCKPIT_REMOTE_PEER=203.0.113.9");
  }

  @Test
  void listsALoginWithItsUserClientAddressAndLoginTime() throws Exception {
    session(1000, 900, "PATH=/usr/bin", "COCKPIT_REMOTE_PEER=192.0.2.7").create();
    bridge(1007, 1000, ALICE_UID).create();

    assertThat(source.list())
        .containsExactly(
            Session.builder("cockpit:1000-" + SESSION_START, SessionKind.PANEL, "cockpit")
                .panel("cockpit")
                .user("alice")
                .clientAddress("192.0.2.7")
                .loginTime(Instant.ofEpochSecond(BOOT).plusMillis(BRIDGE_START * 10))
                .actions(SessionAction.END)
                .attributes(Map.of("pid", "1000", "bridgePid", "1007", "uid", "1001"))
                .build());
  }

  @Test
  void listsEachLoginOfTheWebServer() throws Exception {
    session(1000, 900, "COCKPIT_REMOTE_PEER=192.0.2.7").create();
    bridge(1007, 1000, ALICE_UID).create();
    session(1100, 900, "COCKPIT_REMOTE_PEER=192.0.2.8").create();
    bridge(1107, 1100, 0).create();

    assertThat(source.list())
        .extracting(Session::user, Session::clientAddress)
        .containsExactly(tuple("alice", "192.0.2.7"), tuple("root", "192.0.2.8"));
  }

  @Test
  void writesAnIpv4MappedPeerAsIpv4() throws Exception {
    session(1000, 900, "COCKPIT_REMOTE_PEER=::ffff:192.0.2.7").create();
    bridge(1007, 1000, ALICE_UID).create();

    assertThat(source.list()).extracting(Session::clientAddress).containsExactly("192.0.2.7");
  }

  @Test
  void takesTheClientAddressOnlyFromTheSessionProcess() throws Exception {
    session(1000, 900, "PATH=/usr/bin").create();
    bridge(1007, 1000, ALICE_UID).create();

    assertThat(source.list()).extracting(Session::clientAddress).containsOnlyNulls();
  }

  @Test
  void leavesTheClientAddressAbsentWhenTheEnvironmentCannotBeRead() throws Exception {
    proc.process(1000).ppid(900).comm("cockpit-session").startTicks(SESSION_START).create();
    bridge(1007, 1000, ALICE_UID).create();

    assertThat(source.list())
        .singleElement()
        .satisfies(
            session -> {
              assertThat(session.clientAddress()).isNull();
              assertThat(session.user()).isEqualTo("alice");
            });
  }

  @Test
  void namesAUserThePasswdFileDoesNotKnowByUid() throws Exception {
    session(1000, 900, "COCKPIT_REMOTE_PEER=192.0.2.7").create();
    bridge(1007, 1000, 1234).create();

    assertThat(source.list()).extracting(Session::user).containsExactly("1234");
  }

  @Test
  void skipsASessionThatIsStillAuthenticating() throws Exception {
    session(1000, 900, "COCKPIT_REMOTE_PEER=192.0.2.7").create();

    assertThat(source.list()).isEmpty();
  }

  @Test
  void skipsABridgeThatStartedBeforeItsSession() throws Exception {
    session(1000, 900, "COCKPIT_REMOTE_PEER=192.0.2.7").create();
    // The PID of an earlier session's parent, reused: this bridge is not the session's.
    bridge(1007, 1000, ALICE_UID).startTicks(SESSION_START - 1).create();

    assertThat(source.list()).isEmpty();
  }

  @Test
  void skipsASessionWhoseBridgeHasExited() throws Exception {
    session(1000, 900, "COCKPIT_REMOTE_PEER=192.0.2.7").create();
    bridge(1007, 1000, ALICE_UID).state('Z').create();

    assertThat(source.list()).isEmpty();
  }

  @Test
  void skipsASessionProcessNotStartedByCockpitWs() throws Exception {
    proc.process(950).comm("bash").args("-bash").startTicks(41000).create();
    session(1000, 950, "COCKPIT_REMOTE_PEER=192.0.2.7").create();
    bridge(1007, 1000, ALICE_UID).create();

    assertThat(source.list()).isEmpty();
  }

  @Test
  void skipsASessionProcessThatDoesNotRunAsRoot() throws Exception {
    // A user can name their programs anything, but cannot make them root.
    proc.process(950).uid(ALICE_UID).comm("cockpit-ws").startTicks(41000).create();
    session(1000, 950, "COCKPIT_REMOTE_PEER=192.0.2.7").uid(ALICE_UID).create();
    bridge(1007, 1000, ALICE_UID).create();

    assertThat(source.list()).isEmpty();
  }

  @Test
  void skipsASessionWhoseWebServerStartedAfterIt() throws Exception {
    proc.process(950).uid(WS_UID).comm("cockpit-ws").startTicks(SESSION_START + 1).create();
    session(1000, 950, "COCKPIT_REMOTE_PEER=192.0.2.7").create();
    bridge(1007, 1000, ALICE_UID).create();

    assertThat(source.list()).isEmpty();
  }

  @Test
  void listsNoOneWhenCockpitWsDoesNotRun() throws Exception {
    ProcFixture host = new ProcFixture(dir.resolve("host-proc"), BOOT);
    host.process(1).comm("init").args("/sbin/init").create();
    host.process(300).comm("sleep").create();
    CockpitSource onHost =
        new CockpitSource(new CockpitSettings(cockpitWs, host.root(), passwd, Duration.ZERO));

    assertThat(onHost.list()).isEmpty();
  }

  @Test
  void isUnavailableWithoutCockpitWs() {
    assertThat(source.status())
        .isEqualTo(
            SourceStatus.unavailable(
                "cockpit",
                SessionKind.PANEL,
                "no cockpit-ws at " + cockpitWs + " (package cockpit-ws)"));
  }

  @Test
  void isAvailableWhereCockpitWsIsInstalled() throws Exception {
    Files.createFile(
        cockpitWs,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

    assertThat(source.status()).isEqualTo(SourceStatus.available("cockpit", SessionKind.PANEL));
  }

  @Test
  void endingASessionThatIsNoLongerListedAnswersGone() throws Exception {
    session(1000, 900, "COCKPIT_REMOTE_PEER=192.0.2.7").create();
    bridge(1007, 1000, ALICE_UID).create();
    Session listed = source.list().get(0);
    Files.delete(proc.root().resolve("1007/stat"));

    assertThatThrownBy(() -> source.perform(listed, SessionAction.END))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.GONE));
  }

  @Test
  void refusesToSignalThroughAProcTreeThatIsNotTheAgents() throws Exception {
    session(1000, 900, "COCKPIT_REMOTE_PEER=192.0.2.7").create();
    bridge(1007, 1000, ALICE_UID).create();
    Session listed = source.list().get(0);

    assertThatThrownBy(() -> source.perform(listed, SessionAction.END))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.FAILED));
  }

  @Test
  void offersOnlyEnd() throws Exception {
    session(1000, 900, "COCKPIT_REMOTE_PEER=192.0.2.7").create();
    bridge(1007, 1000, ALICE_UID).create();
    Session listed = source.list().get(0);

    assertThatThrownBy(() -> source.perform(listed, SessionAction.LOGOUT))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.NOT_OFFERED));
  }
}
