package dev.sessionwatch.agent.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.agent.testing.ProcFixture;
import dev.sessionwatch.agent.testing.UtmpEntryBytes;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The utmp source on fixture files: a utmp file, a proc tree and a dev tree made here. */
class UtmpSourceTest {

  private static final long BOOT = 1795433210;
  private static final Instant PTS0_ACCESSED = Instant.parse("2026-11-23T11:40:00Z");

  @TempDir Path dir;
  private ProcFixture proc;
  private Path utmp;
  private UtmpSource source;

  @BeforeEach
  void createFixture() throws Exception {
    proc = new ProcFixture(dir.resolve("proc"), BOOT);
    utmp = dir.resolve("utmp");
    Path dev = dir.resolve("dev");
    Files.createDirectories(dev.resolve("pts"));
    Path pts0 = Files.createFile(dev.resolve("pts/0"));
    Files.getFileAttributeView(pts0, BasicFileAttributeView.class)
        .setTimes(null, FileTime.from(PTS0_ACCESSED), null);
    source = new UtmpSource(new UtmpSettings(utmp, proc.root(), dev, Duration.ZERO));
  }

  /** sshd's processes for one login with a terminal, as OpenSSH 9.2 lays them out. */
  private void sshLoginProcesses() {
    proc.process(4812).comm("sshd").args("sshd: /usr/sbin/sshd -D [listener]").create();
    proc.process(4819)
        .ppid(4812)
        .comm("sshd")
        .title("sshd: alice [priv]")
        .startTicks(38953)
        .auditSession(1L)
        .create();
    proc.process(4829)
        .ppid(4819)
        .uid(1001)
        .comm("sshd")
        .title("sshd: alice@pts/0")
        .startTicks(38976)
        .auditSession(1L)
        .create();
    proc.process(4834)
        .ppid(4829)
        .uid(1001)
        .comm("bash")
        .args("-bash")
        .startTicks(38981)
        .ttyNr(34816)
        .auditSession(1L)
        .create();
  }

  private static UtmpEntryBytes alicePts0() {
    return new UtmpEntryBytes()
        .pid(4819)
        .line("pts/0")
        .id("ts/0")
        .user("alice")
        .host("127.0.0.1")
        .time((int) BOOT + 390, 500_000)
        .address((byte) 127, (byte) 0, (byte) 0, (byte) 1);
  }

  private void writeUtmp(UtmpEntryBytes... entries) throws Exception {
    Files.write(utmp, UtmpEntryBytes.file(entries));
  }

  @Test
  void isUnavailableWithoutAUtmpFile() {
    assertThat(source.status())
        .isEqualTo(
            SourceStatus.unavailable("utmp", SessionKind.TERMINAL, "no utmp file at " + utmp));
  }

  @Test
  void failsToListWithoutAUtmpFile() {
    assertThatThrownBy(source::list)
        .isInstanceOf(SourceException.class)
        .hasMessage("no utmp file at " + utmp);
  }

  @Test
  void isAvailableWithAUtmpFile() throws Exception {
    writeUtmp();

    assertThat(source.status()).isEqualTo(SourceStatus.available("utmp", SessionKind.TERMINAL));
    assertThat(source.list()).isEmpty();
  }

  @Test
  void listsAnSshLoginWithATerminal() throws Exception {
    sshLoginProcesses();
    writeUtmp(alicePts0());

    assertThat(source.list())
        .containsExactly(
            Session.builder("utmp:4819-38953", SessionKind.TERMINAL, "utmp")
                .user("alice")
                .line("pts/0")
                .remoteHost("127.0.0.1")
                .clientAddress("127.0.0.1")
                .loginTime(Instant.ofEpochSecond(BOOT + 390, 500_000_000))
                .idleSince(PTS0_ACCESSED)
                .state("active")
                .actions(SessionAction.DISCONNECT, SessionAction.LOGOUT)
                .attributes(
                    Map.of(
                        "pid", "4819",
                        "process", "sshd: alice [priv]",
                        "connectionPid", "4829",
                        "auditSessionId", "1",
                        "utmpId", "ts/0"))
                .build());
  }

  @Test
  void leavesOutALoginWhoseProcessEnded() throws Exception {
    writeUtmp(alicePts0());

    assertThat(source.list()).isEmpty();
  }

  @Test
  void leavesOutALoginWhoseProcessIsAZombie() throws Exception {
    proc.process(4819).state('Z').comm("sshd").args().startTicks(38953).create();
    writeUtmp(alicePts0());

    assertThat(source.list()).isEmpty();
  }

  @Test
  void leavesOutACockpitLoginWhichTheCockpitSourceLists() throws Exception {
    proc.process(4819)
        .uid(0)
        .comm("cockpit-session")
        .args("cockpit-session", "localhost")
        .startTicks(38953)
        .create();
    writeUtmp(alicePts0().line("web console"));

    assertThat(source.list()).isEmpty();
  }

  @Test
  void leavesOutEntriesThatAreNoLogins() throws Exception {
    sshLoginProcesses();
    writeUtmp(
        alicePts0().type(UtmpRecord.DEAD_PROCESS), alicePts0().type(UtmpRecord.LOGIN_PROCESS));

    assertThat(source.list()).isEmpty();
  }

  @Test
  void leavesOutAnEntryWhosePidALaterProcessReused() throws Exception {
    // The login's monitor was killed before it could mark the entry dead; two minutes after the
    // login, an unrelated process got the same PID.
    proc.process(4819).comm("postgres").args("postgres").startTicks(39000 + 120 * 100).create();
    writeUtmp(alicePts0());

    assertThat(source.list()).isEmpty();
  }

  @Test
  void listsAConsoleLoginWithLogoutOnly() throws Exception {
    proc.process(612)
        .comm("login")
        .args("/bin/login", "-p", "--")
        .startTicks(900)
        .auditSession(3L)
        .create();
    proc.process(700)
        .ppid(612)
        .uid(1001)
        .comm("bash")
        .args("-bash")
        .startTicks(40000)
        .auditSession(3L)
        .create();
    writeUtmp(
        new UtmpEntryBytes()
            .pid(612)
            .line("tty1")
            .id("tty1")
            .user("bob")
            .time((int) BOOT + 400, 0));

    Session session = source.list().get(0);

    assertThat(session.id()).isEqualTo("utmp:612-900");
    assertThat(session.line()).isEqualTo("tty1");
    assertThat(session.remoteHost()).isNull();
    assertThat(session.clientAddress()).isNull();
    assertThat(session.idleSince()).isNull(); // no dev/tty1 in the fixture
    assertThat(session.actions()).containsExactly(SessionAction.LOGOUT);
  }

  @Test
  void takesTheClientAddressFromALiteralHost() throws Exception {
    sshLoginProcesses();
    writeUtmp(alicePts0().address().host("2001:db8:0:0::5"));

    assertThat(source.list().get(0).clientAddress()).isEqualTo("2001:db8::5");
  }

  @Test
  void givesNoClientAddressForAHostName() throws Exception {
    sshLoginProcesses();
    writeUtmp(alicePts0().address().host("client.example.org"));

    Session session = source.list().get(0);

    assertThat(session.clientAddress()).isNull();
    assertThat(session.remoteHost()).isEqualTo("client.example.org");
  }

  @Test
  void makesOneSessionOfEntriesThatShareAProcess() throws Exception {
    sshLoginProcesses();
    proc.process(4829)
        .ppid(4819)
        .uid(1001)
        .comm("sshd")
        .title("sshd: alice@pts/0,pts/1")
        .startTicks(38976)
        .auditSession(1L)
        .create();
    writeUtmp(alicePts0(), alicePts0().line("pts/1").id("ts/1").time((int) BOOT + 500, 0));

    assertThat(source.list())
        .singleElement()
        .satisfies(
            session -> {
              assertThat(session.line()).isEqualTo("pts/0,pts/1");
              assertThat(session.attributes()).containsEntry("utmpId", "ts/0,ts/1");
              assertThat(session.actions()).contains(SessionAction.DISCONNECT);
            });
  }

  @Test
  void usesNoAuditSessionTheLoginOnlyInherited() throws Exception {
    // sshd without PAM, started from someone's login: every session shares that login's id.
    proc.process(4812)
        .comm("sshd")
        .args("sshd: /usr/sbin/sshd -D [listener]")
        .auditSession(9L)
        .create();
    proc.process(4819)
        .ppid(4812)
        .comm("sshd")
        .title("sshd: alice [priv]")
        .startTicks(38953)
        .auditSession(9L)
        .create();
    writeUtmp(alicePts0());

    assertThat(source.list().get(0).attributes()).doesNotContainKey("auditSessionId");
  }

  @Test
  void listsAnSshLoginWithoutTerminalFromTheProcessTable() throws Exception {
    proc.process(4812).comm("sshd").args("sshd: /usr/sbin/sshd -D [listener]").create();
    proc.process(4820)
        .ppid(4812)
        .comm("sshd")
        .title("sshd: alice [priv]")
        .startTicks(38953)
        .auditSession(2L)
        .socket(4, 6556)
        .netTable("tcp", TcpTable.LOOPBACK_CLIENT)
        .create();
    proc.process(4832)
        .ppid(4820)
        .uid(1001)
        .comm("sshd")
        .title("sshd: alice@notty")
        .startTicks(38977)
        .auditSession(2L)
        .create();
    writeUtmp();

    assertThat(source.list())
        .containsExactly(
            Session.builder("utmp:4820-38953", SessionKind.TERMINAL, "utmp")
                .user("alice")
                .line("notty")
                .clientAddress("127.0.0.1")
                .loginTime(Instant.ofEpochSecond(BOOT + 389, 770_000_000))
                .state("active")
                .actions(SessionAction.DISCONNECT, SessionAction.LOGOUT)
                .attributes(
                    Map.of(
                        "pid", "4820",
                        "process", "sshd: alice [priv]",
                        "connectionPid", "4832",
                        "auditSessionId", "2",
                        "clientPort", "44124"))
                .build());
  }

  @Test
  void ignoresANottyTitleWithoutARootMonitor() throws Exception {
    proc.process(5000).uid(1001).comm("sleep").title("sshd: alice [priv]").startTicks(100).create();
    proc.process(5001)
        .ppid(5000)
        .uid(1001)
        .comm("sleep")
        .title("sshd: alice@notty")
        .startTicks(200)
        .create();
    writeUtmp();

    assertThat(source.list()).isEmpty();
  }

  @Test
  void refusesAnActionOnASessionThatIsGone() throws Exception {
    sshLoginProcesses();
    writeUtmp(alicePts0());
    Session listed = source.list().get(0);
    writeUtmp(alicePts0().type(UtmpRecord.DEAD_PROCESS));

    assertThatThrownBy(() -> source.perform(listed, SessionAction.LOGOUT))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.GONE));
  }

  @Test
  void refusesADisconnectWithoutConnectionProcess() throws Exception {
    proc.process(612).comm("login").args("/bin/login").startTicks(900).create();
    writeUtmp(new UtmpEntryBytes().pid(612).line("tty1").user("bob").time((int) BOOT + 400, 0));
    Session listed = source.list().get(0);

    assertThatThrownBy(() -> source.perform(listed, SessionAction.DISCONNECT))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.NOT_OFFERED));
  }

  @Test
  void refusesToSignalProcessesSeenThroughAFixtureTree() throws Exception {
    sshLoginProcesses();
    writeUtmp(alicePts0());
    Session listed = source.list().get(0);

    assertThatThrownBy(() -> source.perform(listed, SessionAction.LOGOUT))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ActionException.Reason.FAILED);
              assertThat(e).hasMessageContaining("refusing to signal");
            });
  }

  /** A net/tcp table with sshd's connection from 127.0.0.1:44124 (socket inode 6556). */
  private static final class TcpTable {
    static final String LOOPBACK_CLIENT =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid "
            + " timeout inode\n"
            + "   5: 0100007F:59D7 0100007F:AC5C 01 00000000:00000000 02:000AF41B 00000000     0 "
            + "       0 6556 2 00000000602f4e40 20 4 12 18 -1\n";
  }
}
