package dev.sessionwatch.agent.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.terminal.SshdProcessTitle.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SshdProcessTitleTest {

  @Test
  void readsTheMonitor() {
    assertThat(SshdProcessTitle.parse("sshd: alice [priv]"))
        .hasValue(new SshdProcessTitle("alice", Role.MONITOR, List.of()));
  }

  @Test
  void readsAConnectionWithATerminal() {
    assertThat(SshdProcessTitle.parse("sshd: alice@pts/0"))
        .hasValue(new SshdProcessTitle("alice", Role.CONNECTION, List.of("pts/0")));
  }

  @Test
  void readsAConnectionWithoutTerminal() {
    assertThat(SshdProcessTitle.parse("sshd: alice@notty").orElseThrow().lines())
        .containsExactly("notty");
  }

  @Test
  void readsAConnectionThatMultiplexesTerminals() {
    assertThat(SshdProcessTitle.parse("sshd: alice@pts/1,pts/2").orElseThrow().lines())
        .containsExactly("pts/1", "pts/2");
  }

  @Test
  void readsTheTitlesOfSshdSessionInNewerOpenSsh() {
    assertThat(SshdProcessTitle.parse("sshd-session: bob [priv]").orElseThrow().isMonitorOf("bob"))
        .isTrue();
    assertThat(
            SshdProcessTitle.parse("sshd-session: bob@pts/3")
                .orElseThrow()
                .isConnectionOf("bob", "pts/3"))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups",
        "sshd: alice [net]",
        "sshd: 127.0.0.1 [preauth]",
        "sshd: alice [accepted]",
        "/usr/sbin/sshd -D",
        "bash -c sshd: alice@pts/0",
        "-bash"
      })
  void ignoresEveryOtherTitle(String title) {
    assertThat(SshdProcessTitle.parse(title)).isEmpty();
  }
}
