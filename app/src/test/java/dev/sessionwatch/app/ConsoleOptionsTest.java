package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleOptionsTest {

  @Test
  void watchesThisComputerByDefault() {
    assertThat(ConsoleOptions.parse(List.of()).demo()).isFalse();
  }

  @Test
  void watchesADemoHostWithDemo() {
    assertThat(ConsoleOptions.parse(List.of("--demo")).demo()).isTrue();
  }

  @Test
  void keepsTheSettingsInTheGivenFolder() {
    assertThat(ConsoleOptions.parse(List.of("--config-dir=/tmp/sw")).configDirectory())
        .isEqualTo(Path.of("/tmp/sw"));
  }

  @Test
  void refusesAnUnknownOptionByName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ConsoleOptions.parse(List.of("--demo", "--fast")))
        .withMessage("unknown option '--fast'");
  }
}
