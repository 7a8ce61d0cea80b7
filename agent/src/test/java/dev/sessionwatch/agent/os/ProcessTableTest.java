package dev.sessionwatch.agent.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ProcFixture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTableTest {

  @TempDir Path dir;
  private ProcFixture proc;
  private ProcessTable table;

  @BeforeEach
  void createRoot() {
    proc = new ProcFixture(dir.resolve("proc"), 1795433210);
    table = new ProcessTable(proc.root());
  }

  @Test
  void readsEveryFieldOfAProcess() throws Exception {
    proc.process(4829)
        .ppid(4819)
        .uid(1001)
        .comm("sshd")
        .title("sshd: alice@pts/0")
        .startTicks(38976)
        .ttyNr(34816)
        .auditSession(1L)
        .create();

    assertThat(table.snapshot().all())
        .containsExactly(
            new ProcessInfo(
                4829, 4819, 4829, 4829, 1001, 'S', 38976, "sshd", "sshd: alice@pts/0", 34816, 1L));
  }

  @Test
  void leavesTheAuditSessionUnknownWhenUnsetOrAbsent() throws Exception {
    proc.process(10).create();
    proc.process(11).auditSession(null).create();

    assertThat(table.snapshot().all()).extracting(ProcessInfo::auditSessionId).containsOnlyNulls();
  }

  @Test
  void listsProcessesByPidAndSkipsOtherEntries() throws Exception {
    proc.process(300).create();
    proc.process(20).create();
    Files.createDirectories(proc.root().resolve("sys"));
    Files.createDirectories(proc.root().resolve("self"));

    assertThat(table.snapshot().all()).extracting(ProcessInfo::pid).containsExactly(20L, 300L);
  }

  @Test
  void leavesOutAProcessThatVanishedWhileBeingRead() throws Exception {
    proc.process(20).create();
    Files.createDirectories(proc.root().resolve("21")); // its files already gone

    assertThat(table.snapshot().all()).extracting(ProcessInfo::pid).containsExactly(20L);
    assertThat(table.read(21)).isEmpty();
  }

  @Test
  void turnsStartTicksIntoAnInstant() throws Exception {
    assertThat(table.bootTime().instantAfter(250))
        .isEqualTo(Instant.ofEpochSecond(1795433212).plusMillis(500));
  }

  @Test
  void findsTheClientOfAnEstablishedIpv4Connection() throws Exception {
    proc.process(4820)
        .socket(0, 1) // not in the tables: a Unix socket
        .socket(4, 6556)
        .socket(5, 6552) // the listening socket, not established
        .netTable("tcp", TcpSocketTest.TCP)
        .netTable("tcp6", "  sl  local_address remote_address st\n")
        .create();

    assertThat(table.tcpPeer(4820))
        .hasValue(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 44124));
  }

  @Test
  void findsTheClientOfAnIpv6ConnectionInTcp6() throws Exception {
    proc.process(4820)
        .socket(3, 7001)
        .netTable("tcp", TcpSocketTest.TCP)
        .netTable("tcp6", TcpSocketTest.TCP6)
        .create();

    assertThat(table.tcpPeer(4820))
        .hasValue(new InetSocketAddress(InetAddress.getByName("::1"), 0xAC5E));
  }

  @Test
  void takesTheLowestDescriptorWhenThereAreSeveralConnections() throws Exception {
    proc.process(4820)
        .socket(12, 6556)
        .socket(9, 7002)
        .netTable("tcp", TcpSocketTest.TCP)
        .netTable("tcp6", TcpSocketTest.TCP6)
        .create();

    assertThat(table.tcpPeer(4820).orElseThrow().getPort()).isEqualTo(54321);
  }

  @Test
  void findsNoClientWithoutSockets() {
    proc.process(4820).netTable("tcp", TcpSocketTest.TCP).create();

    assertThat(table.tcpPeer(4820)).isEmpty();
    assertThat(table.tcpPeer(9999)).isEmpty();
  }

  @Test
  void seesItselfOnlyInTheRealProc() {
    assertThat(table.selfPid()).isEmpty();
    assertThat(new ProcessTable(ProcessTable.DEFAULT_ROOT).selfPid())
        .hasValue(ProcessHandle.current().pid());
  }

  @Test
  void readsTheEnvironmentAProcessStartedWith() {
    proc.process(42).environ("COCKPIT_REMOTE_PEER=192.0.2.7", "PATH=/usr/bin").create();

    assertThat(table.environment(42))
        .hasValue(Map.of("COCKPIT_REMOTE_PEER", "192.0.2.7", "PATH", "/usr/bin"));
  }

  @Test
  void givesNoEnvironmentForAProcessWithoutOne() {
    proc.process(42).create();

    assertThat(table.environment(42)).isEmpty();
    assertThat(table.environment(43)).isEmpty();
  }

  @Test
  void readsThisJvmFromTheRealProc() throws Exception {
    long pid = ProcessHandle.current().pid();

    ProcessInfo self = new ProcessTable(ProcessTable.DEFAULT_ROOT).read(pid).orElseThrow();

    assertThat(self.ppid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
    assertThat(self.cmdline()).contains("java");
    assertThat(
            new ProcessTable(ProcessTable.DEFAULT_ROOT)
                .bootTime()
                .instantAfter(self.startTimeTicks()))
        .isCloseTo(
            ProcessHandle.current().info().startInstant().orElseThrow(),
            org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
  }
}
