package dev.sessionwatch.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads instants in the one form the protocol writes them, {@code 2026-03-02T09:00:00Z} with an
 * optional fraction of up to nine digits, without a {@code DateTimeFormatter}: a console decoding
 * the lists of hundreds of agents spends a quarter of its time parsing instants otherwise. Any
 * other form is left to Jackson's own deserializer, so nothing it reads is read differently.
 */
final class UtcInstantDeserializer extends JsonDeserializer<Instant> {
  private static final int SHORTEST = "2026-03-02T09:00:00Z".length();

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      Instant read = parse(parser.getText());
      if (read != null) {
        return read;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(parser, context);
  }

  /** The instant {@code text} is in the protocol's form; null when in any other. */
  static Instant parse(String text) {
    int length = text.length();
    if (length < SHORTEST
        || length > SHORTEST + 10
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = fraction(text, 19, length - 1);
    if (year < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || nanos < 0) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null; // no such day: Jackson's own deserializer says why
    }
    return Instant.ofEpochSecond(
        date.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The number the digits from {@code from} to {@code to} write; -1 if one is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int index = from; index < to; index++) {
      char c = text.charAt(index);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * Nanoseconds of {@code .ddd} between {@code from} and {@code to}; 0 for none, -1 if malformed.
   */
  private static int fraction(String text, int from, int to) {
    if (from == to) {
      return 0;
    }
    if (text.charAt(from) != '.' || to - from < 2) {
      return -1;
    }
    int value = digits(text, from + 1, to);
    if (value < 0) {
      return -1;
    }
    for (int scale = to - from - 1; scale < 9; scale++) {
      value *= 10;
    }
    return value;
  }
}
