package dev.sessionwatch.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcInstantDeserializerTest {
  @Test
  void readsWhatTheProtocolWritesExactlyAsJavaTimeDoes() throws Exception {
    Random random = new Random(20261123);
    for (int round = 0; round < 2_000; round++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextLong(253_402_300_799L), // up to 9999-12-31T23:59:59Z
              round % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
      String written = Json.mapper().writeValueAsString(instant);

      assertThat(Json.mapper().readValue(written, Instant.class)).isEqualTo(instant);
      assertThat(UtcInstantDeserializer.parse(written.substring(1, written.length() - 1)))
          .isEqualTo(Instant.parse(written.substring(1, written.length() - 1)));
    }
  }

  @Test
  void readsFractionsOfAnyLength() {
    assertThat(UtcInstantDeserializer.parse("2026-03-02T09:00:00.5Z"))
        .isEqualTo(Instant.parse("2026-03-02T09:00:00.500Z"));
    assertThat(UtcInstantDeserializer.parse("2026-03-02T09:00:00.123456789Z"))
        .isEqualTo(Instant.parse("2026-03-02T09:00:00.123456789Z"));
  }

  @Test
  void leavesEveryOtherFormToJacksonsOwnReading() throws Exception {
    assertThat(UtcInstantDeserializer.parse("2026-03-02T10:00:00+01:00")).isNull();
    assertThat(UtcInstantDeserializer.parse("2026-02-30T09:00:00Z")).isNull();
    assertThat(UtcInstantDeserializer.parse("2026-03-02T24:00:00Z")).isNull();
    assertThat(UtcInstantDeserializer.parse("2026-03-02T09:00:00.Z")).isNull();
    assertThat(UtcInstantDeserializer.parse("2026-3-02T09:00:00Z")).isNull();
    assertThat(UtcInstantDeserializer.parse("2026-03-02T09:00:00.1234567890Z")).isNull();

    assertThat(Json.mapper().readValue("\"2026-03-02T10:00:00+01:00\"", Instant.class))
        .isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(Json.mapper().readValue("1772442000", Instant.class))
        .isEqualTo(Instant.ofEpochSecond(1772442000));
  }

  @Test
  void aDayThatDoesNotExistIsStillAnError() {
    assertThatThrownBy(() -> Json.mapper().readValue("\"2026-02-30T09:00:00Z\"", Instant.class))
        .isInstanceOf(JsonProcessingException.class);
  }
}
