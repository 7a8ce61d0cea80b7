package dev.sessionwatch.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcInstantSerializerTest {
  @Test
  void writesExactlyWhatJavaTimeWrites() throws Exception {
    Random random = new Random(20261123);
    int[] nanoSteps = {1_000_000_000, 1_000_000, 1_000, 1};
    for (int round = 0; round < 4_000; round++) {
      int step = nanoSteps[round % nanoSteps.length];
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(253_402_300_800L), // 1970 up to 9999-12-31T23:59:59Z
              random.nextInt(1_000_000_000 / step) * step);

      assertThat(Json.mapper().writeValueAsString(instant))
          .isEqualTo('"' + instant.toString() + '"');
    }
  }

  @Test
  void writesTheEdgesOfItsRangeAndLeavesTheYearsBeyondToJavaTime() throws Exception {
    for (String text :
        new String[] {
          "0000-01-01T00:00:00Z",
          "1969-12-31T23:59:59.999999999Z",
          "9999-12-31T23:59:59.000001Z",
          "+10000-01-01T00:00:00Z",
          "-0001-12-31T23:59:59.100Z"
        }) {
      Instant instant = Instant.parse(text);

      assertThat(Json.mapper().writeValueAsString(instant)).isEqualTo('"' + text + '"');
      assertThat(Json.mapper().readValue('"' + text + '"', Instant.class)).isEqualTo(instant);
    }
  }
}
