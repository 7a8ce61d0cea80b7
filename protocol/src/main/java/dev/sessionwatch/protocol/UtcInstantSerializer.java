package dev.sessionwatch.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes instants as {@link Instant#toString} does, {@code 2026-03-02T09:00:00.250Z}, without a
 * {@code DateTimeFormatter}: an agent answering many consoles spends a tenth of its time formatting
 * instants otherwise. Years outside 0000 to 9999, which that form writes differently, are left to
 * {@link Instant#toString}.
 */
final class UtcInstantSerializer extends StdSerializer<Instant> {
  private static final int LONGEST = "2026-03-02T09:00:00.123456789Z".length();

  UtcInstantSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
      throws IOException {
    char[] text = new char[LONGEST];
    int length = format(value, text);
    if (length < 0) {
      generator.writeString(value.toString());
    } else {
      generator.writeString(text, 0, length);
    }
  }

  /**
   * Writes {@code instant} into {@code text}; answers its length, or -1 for a year out of range.
   */
  private static int format(Instant instant, char[] text) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = time.getYear();
    if (year < 0 || year > 9999) {
      return -1;
    }
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, time.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, time.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, time.getHour(), 2);
    text[13] = ':';
    digits(text, 14, time.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, time.getSecond(), 2);
    int length = 19;
    int nanos = instant.getNano();
    if (nanos != 0) {
      // As few groups of three digits as say it exactly.
      text[length++] = '.';
      if (nanos % 1_000_000 == 0) {
        digits(text, length, nanos / 1_000_000, 3);
        length += 3;
      } else if (nanos % 1_000 == 0) {
        digits(text, length, nanos / 1_000, 6);
        length += 6;
      } else {
        digits(text, length, nanos, 9);
        length += 9;
      }
    }
    text[length++] = 'Z';
    return length;
  }

  private static void digits(char[] text, int at, int value, int count) {
    for (int index = at + count - 1; index >= at; index--) {
      text[index] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
