package dev.sessionwatch.agent.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcFormatTest {

  @Test
  void joinsArgumentsWithSpacesAndDropsTheTrailingNul() {
    byte[] content = "bash\0-c\0sleep 600\0".getBytes(StandardCharsets.UTF_8);

    assertThat(ProcFormat.cmdline(content)).isEqualTo("bash -c sleep 600");
  }

  @Test
  void dropsTheNulPaddingOfARewrittenTitle() {
    byte[] content = "sshd: alice [priv]\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.UTF_8);

    assertThat(ProcFormat.cmdline(content)).isEqualTo("sshd: alice [priv]");
  }

  @Test
  void givesAnEmptyCommandLineForAKernelThread() {
    assertThat(ProcFormat.cmdline(new byte[0])).isEmpty();
  }

  @Test
  void readsTheEnvironmentAndKeepsTheFirstOfANameGivenTwice() {
    byte[] content =
        "PATH=/usr/bin\0COCKPIT_REMOTE_PEER=192.0.2.7\0EMPTY=\0A=b=c\0PATH=/bin\0"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(ProcFormat.environment(content))
        .containsExactly(
            entry("PATH", "/usr/bin"),
            entry("COCKPIT_REMOTE_PEER", "192.0.2.7"),
            entry("EMPTY", ""),
            entry("A", "b=c"));
  }

  @Test
  void skipsEnvironmentEntriesWithoutAName() {
    byte[] content = "junk\0=value\0HOME=/root".getBytes(StandardCharsets.UTF_8);

    assertThat(ProcFormat.environment(content)).containsExactly(entry("HOME", "/root"));
  }

  @Test
  void readsTheRealUidFromStatus() {
    String status = "Name:\tsshd\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1001\t0\t1001\t0\n";

    assertThat(ProcFormat.realUid(status)).isEqualTo(1001);
  }

  @Test
  void readsASetAuditSession() {
    assertThat(ProcFormat.auditSessionId("2\n")).isEqualTo(2L);
  }

  @Test
  void treatsTheUnsetAuditSessionAsNone() {
    assertThat(ProcFormat.auditSessionId("4294967295")).isNull();
    assertThat(ProcFormat.auditSessionId("")).isNull();
  }

  @Test
  void findsTheInodeOfASocketLink() {
    assertThat(ProcFormat.socketInode("socket:[6556]")).hasValue(6556);
    assertThat(ProcFormat.socketInode("pipe:[6592]")).isEmpty();
    assertThat(ProcFormat.socketInode("/dev/null")).isEmpty();
  }
}
