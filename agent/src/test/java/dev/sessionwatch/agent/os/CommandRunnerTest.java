package dev.sessionwatch.agent.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {

  private final CommandRunner runner = new CommandRunner(Duration.ofSeconds(10), 1024);

  @Test
  void returnsOutputAndExitStatus() throws Exception {
    CommandRunner.Result result = runner.run(List.of("printf", "%s|%s", "a b", "$HOME;"));

    // The arguments reach the program as they are: no shell splits or expands them.
    assertThat(new String(result.stdout(), StandardCharsets.UTF_8)).isEqualTo("a b|$HOME;");
    assertThat(result.exitStatus()).isZero();
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void returnsANonZeroExitStatusAndStandardError() throws Exception {
    CommandRunner.Result result = runner.run(List.of("ls", "/no/such/directory"));

    assertThat(result.exitStatus()).isNotZero();
    assertThat(result.errorText()).contains("/no/such/directory");
  }

  @Test
  void cutsOutputAtTheCapAndSaysSo() throws Exception {
    CommandRunner.Result result = runner.run(List.of("head", "-c", "100000", "/dev/zero"));

    assertThat(result.stdout()).hasSize(1024);
    assertThat(result.truncated()).isTrue();
    assertThat(result.exitStatus()).isZero();
  }

  @Test
  void killsAProgramThatRunsPastTheTimeout() {
    CommandRunner quick = new CommandRunner(Duration.ofMillis(300), 1024);
    long started = System.nanoTime();

    assertThatThrownBy(() -> quick.run(List.of("sleep", "30")))
        .isInstanceOf(CommandRunner.TimeoutExceeded.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void givesTheProgramNoInput() throws Exception {
    CommandRunner.Result result = runner.run(List.of("cat"));

    assertThat(result.stdout()).isEmpty();
    assertThat(result.exitStatus()).isZero();
  }

  @Test
  void failsForAProgramThatDoesNotExist() {
    assertThatThrownBy(() -> runner.run(List.of("/no/such/program")))
        .isInstanceOf(IOException.class);
  }
}
