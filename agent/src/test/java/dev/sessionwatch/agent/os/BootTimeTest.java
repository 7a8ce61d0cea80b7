package dev.sessionwatch.agent.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BootTimeTest {

  private static final String PROC_STAT =
      "cpu  2255 34 2290 22625563 6290 127 456 0 0 0\nintr 114930548 113199788 3\n"
          + "ctxt 1990473\nbtime 1795433210\nprocesses 26442\nprocs_running 1\n";

  @Test
  void readsTheBootTime() {
    assertThat(BootTime.parse(PROC_STAT).bootedAt()).isEqualTo(Instant.ofEpochSecond(1795433210));
  }

  @Test
  void countsStartTicksAtOneHundredPerSecond() {
    BootTime boot = BootTime.parse(PROC_STAT);

    assertThat(boot.instantAfter(38953))
        .isEqualTo(Instant.ofEpochSecond(1795433210 + 389).plusMillis(530));
  }

  @Test
  void rejectsAStatWithoutBootTime() {
    assertThatThrownBy(() -> BootTime.parse("cpu 1 2 3\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("btime");
  }
}
