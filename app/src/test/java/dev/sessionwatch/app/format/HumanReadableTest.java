package dev.sessionwatch.app.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanReadableTest {

  @Test
  void readsSecondsUnderAMinute() {
    assertThat(HumanReadable.duration(Duration.ofSeconds(42))).isEqualTo("42s");
  }

  @Test
  void readsMinutesWithTwoDigitSeconds() {
    assertThat(HumanReadable.duration(Duration.ofSeconds(3 * 60 + 12))).isEqualTo("3m 12s");
    assertThat(HumanReadable.duration(Duration.ofSeconds(3 * 60 + 5))).isEqualTo("3m 05s");
  }

  @Test
  void readsHoursWithTwoDigitMinutes() {
    assertThat(HumanReadable.duration(Duration.ofMinutes(2 * 60 + 5).plusSeconds(59)))
        .isEqualTo("2h 05m");
  }

  @Test
  void readsDaysWithTwoDigitHours() {
    assertThat(HumanReadable.duration(Duration.ofHours(3 * 24 + 4))).isEqualTo("3d 04h");
  }

  @Test
  void readsAnUnknownDurationAsEmpty() {
    assertThat(HumanReadable.duration(null)).isEmpty();
  }

  @Test
  void readsANegativeDurationAsZero() {
    assertThat(HumanReadable.duration(Duration.ofSeconds(-3))).isEqualTo("0s");
  }

  @Test
  void everyPartOfADurationCouldBeADuration() {
    for (long seconds :
        new long[] {0, 7, 59, 60, 3 * 60 + 12, 3600, 7 * 3600 + 5 * 60, 86_400 * 3}) {
      String text = HumanReadable.duration(Duration.ofSeconds(seconds));
      for (int from = 0; from < text.length(); from++) {
        for (int to = from + 1; to <= text.length(); to++) {
          assertThat(HumanReadable.couldBeDuration(text.substring(from, to)))
              .as("'%s' of '%s'", text.substring(from, to), text)
              .isTrue();
        }
      }
    }
  }

  @Test
  void textWithOtherCharactersCannotBeADuration() {
    assertThat(HumanReadable.couldBeDuration("shop")).isFalse();
    assertThat(HumanReadable.couldBeDuration("1.5")).isFalse();
    assertThat(HumanReadable.couldBeDuration("203.0.113.7")).isFalse();
  }

  @Test
  void readsRatesInDecimalUnitsWithOneDecimalBelowTen() {
    assertThat(HumanReadable.rate(1_234_567L)).isEqualTo("1.2 MB/s");
    assertThat(HumanReadable.rate(45_200_000L)).isEqualTo("45 MB/s");
    assertThat(HumanReadable.rate(512L)).isEqualTo("512 B/s");
  }

  @Test
  void roundsUpToTheNextUnitRatherThanShowingAThousand() {
    assertThat(HumanReadable.bytes(999_990L)).isEqualTo("1.0 MB");
  }

  @Test
  void readsAnUnknownRateAsEmpty() {
    assertThat(HumanReadable.rate(null)).isEmpty();
  }

  @Test
  void readsAFractionAsAWholePercentage() {
    assertThat(HumanReadable.percent(0.424)).isEqualTo("42 %");
  }
}
