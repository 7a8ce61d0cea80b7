package dev.sessionwatch.agent.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.ProcFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSignallerTest {

  private final ProcessTable table = new ProcessTable(ProcessTable.DEFAULT_ROOT);
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopEverythingStarted() throws Exception {
    for (Process process : started) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private Process start(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    started.add(process);
    return process;
  }

  private ProcessIdentity identityOf(Process process) {
    return table.read(process.pid()).orElseThrow().identity();
  }

  @Test
  void endsAProcessWithSigterm() throws Exception {
    Process sleep = start("sleep", "600");

    Termination termination =
        new ProcessSignaller(table, Duration.ofSeconds(2)).end(List.of(identityOf(sleep)));

    assertThat(sleep.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(sleep.exitValue()).isEqualTo(128 + 15);
    assertThat(termination).isEqualTo(new Termination(1, 0, 1, 0, 0));
    assertThat(termination.describe()).isEqualTo("sent SIGTERM to 1 process; all ended");
  }

  @Test
  void killsWhatIgnoresSigtermAfterTheGrace() throws Exception {
    // GNU env (coreutils 8.31+) sets SIGTERM to ignored, and sleep inherits that across exec.
    Process stubborn = start("env", "--ignore-signal=TERM", "sleep", "600");
    Await.until(
        "env to become sleep",
        Duration.ofSeconds(5),
        () ->
            !stubborn.isAlive() || table.read(stubborn.pid()).orElseThrow().comm().equals("sleep"));
    assumeTrue(stubborn.isAlive(), "env --ignore-signal (GNU coreutils 8.31+) is missing");

    Termination termination =
        new ProcessSignaller(table, Duration.ofMillis(300)).end(List.of(identityOf(stubborn)));

    assertThat(stubborn.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(stubborn.exitValue()).isEqualTo(128 + 9);
    assertThat(termination).isEqualTo(new Termination(1, 1, 1, 0, 0));
    assertThat(termination.describe())
        .isEqualTo("sent SIGTERM to 1 process, SIGKILL to 1; all ended");
  }

  @Test
  void leavesAloneAProcessWhoseStartTimeDiffers() throws Exception {
    Process sleep = start("sleep", "600");
    ProcessIdentity listed = identityOf(sleep);
    ProcessIdentity reused = new ProcessIdentity(listed.pid(), listed.startTimeTicks() - 1);

    Termination termination = new ProcessSignaller(table, Duration.ZERO).end(List.of(reused));

    assertThat(termination.vanished()).isEqualTo(1);
    assertThat(termination.signalled()).isZero();
    assertThat(sleep.waitFor(300, TimeUnit.MILLISECONDS)).isFalse();
  }

  @Test
  void refusesTheAgentsOwnProcessAndSignalsNothingElseOfTheBatch() throws Exception {
    Process sleep = start("sleep", "30");
    ProcessIdentity self = table.read(ProcessHandle.current().pid()).orElseThrow().identity();

    assertThatThrownBy(
            () -> new ProcessSignaller(table, Duration.ZERO).end(List.of(identityOf(sleep), self)))
        .isInstanceOf(ProtectedProcessException.class)
        .hasMessageContaining("agent's own process");
    assertThat(sleep.waitFor(300, TimeUnit.MILLISECONDS)).isFalse();
  }

  @Test
  void refusesInit() {
    assertThatThrownBy(
            () ->
                new ProcessSignaller(table, Duration.ZERO).end(List.of(new ProcessIdentity(1, 0))))
        .isInstanceOf(ProtectedProcessException.class)
        .hasMessageContaining("PID 1 (init)");
  }

  @Test
  void refusesThePidsKillTakesForGroups() {
    for (long pid : new long[] {0, -1}) {
      assertThatThrownBy(
              () ->
                  new ProcessSignaller(table, Duration.ZERO)
                      .end(List.of(new ProcessIdentity(pid, 0))))
          .isInstanceOf(ProtectedProcessException.class)
          .hasMessageContaining("PID " + pid);
    }
  }

  @Test
  void countsAnAlreadyEndedProcessAsVanished() throws Exception {
    Process sleep = start("sleep", "600");
    ProcessIdentity identity = identityOf(sleep);
    sleep.destroyForcibly().waitFor(5, TimeUnit.SECONDS);

    Termination termination = new ProcessSignaller(table, Duration.ZERO).end(List.of(identity));

    assertThat(termination.vanished()).isEqualTo(1);
    assertThat(termination.allEnded()).isTrue();
  }

  @Test
  void refusesToSignalThroughAProcessTableThatIsNotThisHosts(@TempDir Path dir) throws Exception {
    Process sleep = start("sleep", "600");
    ProcFixture fake = new ProcFixture(dir, 0);
    fake.process(sleep.pid()).startTicks(identityOf(sleep).startTimeTicks()).create();
    ProcessSignaller signaller = new ProcessSignaller(new ProcessTable(dir), Duration.ZERO);

    assertThatThrownBy(() -> signaller.end(List.of(identityOf(sleep))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing to signal");
    assertThat(sleep.isAlive()).isTrue();
  }
}
