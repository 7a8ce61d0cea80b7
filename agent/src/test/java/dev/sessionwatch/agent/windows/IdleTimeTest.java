package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdleTimeTest {

  @ParameterizedTest
  @CsvSource({
    ".,PT0S",
    "5,PT5M",
    "59,PT59M",
    "1:05,PT1H5M",
    "2+03:04,PT51H4M",
    "24692+13:29,PT592621H29M"
  })
  void readsQusersFigures(String printed, Duration idle) {
    assertThat(IdleTime.parse(printed)).contains(idle);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "Kein", "ninguno", "1:75", "2+25:00", "2+5", "-", "1.5"})
  void knowsNoIdleTimeFromWordsOrMalformedFigures(String printed) {
    assertThat(IdleTime.parse(printed)).isEmpty();
  }
}
