package dev.sessionwatch.agent.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  // Read from a bash started by sshd (OpenSSH 9.2, Debian 12), on pts/0 (136:0 = 34816).
  private static final String BASH =
      "4834 (bash) S 4829 4834 4834 34816 4834 4194304 299 0 0 0 0 0 0 0 20 0 1 0 38981 4034560"
          + " 723 18446744073709551615 94887604637696 94887605427101 140723745351344 0 0 0 65536 4"
          + " 65538 1 0 0 17 0 0 0 0 0 0 94887605660400 94887605708644 94887669080064"
          + " 140723745357519 140723745357578 140723745357578 140723745357806 0\n";

  @Test
  void readsTheFieldsOfARealStatLine() {
    assertThat(ProcStat.parse(BASH))
        .isEqualTo(new ProcStat(4834, "bash", 'S', 4829, 4834, 4834, 34816, 38981));
  }

  @Test
  void keepsParenthesesAndSpacesInsideTheCommandName() {
    String line = BASH.replace("(bash)", "(a) b (c) d)");

    ProcStat stat = ProcStat.parse(line);

    assertThat(stat.comm()).isEqualTo("a) b (c) d");
    assertThat(stat.ppid()).isEqualTo(4829);
    assertThat(stat.startTimeTicks()).isEqualTo(38981);
  }

  @Test
  void keepsAnEmptyCommandName() {
    assertThat(ProcStat.parse(BASH.replace("(bash)", "()")).comm()).isEmpty();
  }

  @Test
  void keepsANewlineInsideTheCommandName() {
    assertThat(ProcStat.parse(BASH.replace("(bash)", "(x\ny)")).comm()).isEqualTo("x\ny");
  }

  @Test
  void tellsAZombieByItsState() {
    assertThat(ProcStat.parse(BASH.replace("(bash) S", "(bash) Z")).isZombie()).isTrue();
    assertThat(ProcStat.parse(BASH).isZombie()).isFalse();
  }

  @Test
  void rejectsTextThatIsNoStatLine() {
    assertThatThrownBy(() -> ProcStat.parse("hello")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcStat.parse("12 (x) S 1 2 3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too few fields");
  }
}
