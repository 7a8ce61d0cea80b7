package dev.sessionwatch.agent.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ProcFixture;
import dev.sessionwatch.protocol.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which processes make a vsftpd session, on a fixture process table. */
class VsftpdSourceTest {

  private static final long BOOT = 1_700_000_000L;
  private static final long LISTENER = 100;

  /** One established connection to 127.0.0.1:44124, socket inode 6556. */
  private static final String TCP =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid "
          + " timeout inode\n"
          + "   5: 0100007F:0015 0100007F:AC5C 01 00000000:00000000 02:000AF41B 00000000     0 "
          + "       0 6556 2 00000000602f4e40 20 4 12 18 -1\n";

  @TempDir Path dir;
  private ProcFixture proc;
  private VsftpdSource source;

  @BeforeEach
  void setUp() {
    proc = new ProcFixture(dir.resolve("proc"), BOOT);
    VsftpdSettings defaults = VsftpdSettings.defaults();
    source =
        new VsftpdSource(
            new VsftpdSettings(
                defaults.vsftpd(), defaults.configFile(), proc.root(), Duration.ofSeconds(1)));
    proc.process(LISTENER).comm("vsftpd").title("vsftpd: LISTENER").create();
  }

  private ProcFixture.Process vsftpd(long pid, long leader, String title) {
    return proc.process(pid)
        .comm("vsftpd")
        .ppid(pid == leader ? LISTENER : leader)
        .session(leader)
        .startTicks(pid * 100)
        .title(title);
  }

  @Test
  void listsALoggedInSessionFromItsLeaderAndChild() throws Exception {
    vsftpd(200, 200, "vsftpd: 192.0.2.7: connected").create();
    vsftpd(201, 200, "vsftpd: 192.0.2.7/alice: STOR up load.bin").uid(1000).create();

    List<Session> sessions = source.list();

    assertThat(sessions).hasSize(1);
    Session session = sessions.get(0);
    assertThat(session.id()).isEqualTo("vsftpd:200-20000");
    assertThat(session.user()).isEqualTo("alice");
    assertThat(session.clientAddress()).isEqualTo("192.0.2.7");
    assertThat(session.loginTime()).isEqualTo(Instant.ofEpochSecond(BOOT + 200));
    assertThat(session.state()).isEqualTo("uploading");
    assertThat(session.currentCommand()).isEqualTo("STOR");
    assertThat(session.currentFile()).isEqualTo("up load.bin");
    assertThat(session.attributes()).containsEntry("pid", "200");
  }

  @Test
  void listsASessionBeforeLoginWithoutUser() throws Exception {
    vsftpd(300, 300, "vsftpd: ::1: connected").create();
    vsftpd(301, 300, "vsftpd: ::1: not logged in").create();

    Session session = source.list().get(0);

    assertThat(session.user()).isNull();
    assertThat(session.clientAddress()).isEqualTo("::1");
    assertThat(session.state()).isEqualTo("authenticating");
  }

  @Test
  void takesTheAddressFromTheControlConnectionWithoutTitles() throws Exception {
    proc.process(400)
        .comm("vsftpd")
        .ppid(LISTENER)
        .args("/usr/sbin/vsftpd", "/etc/vsftpd.conf")
        .socket(0, 6556)
        .netTable("tcp", TCP)
        .create();

    Session session = source.list().get(0);

    assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(session.user()).isNull();
    assertThat(session.state()).isNull();
  }

  @Test
  void leavesOutTheListenerZombiesAndOtherPrograms() throws Exception {
    proc.process(LISTENER).comm("vsftpd").args("/usr/sbin/vsftpd").create(); // untitled, no socket
    vsftpd(500, 500, "vsftpd: 192.0.2.8: connected").state('Z').create();
    proc.process(600).comm("bash").title("vsftpd: 192.0.2.9: connected").create();

    assertThat(source.list()).isEmpty();
  }
}
