package dev.sessionwatch.agent.panel;

import java.util.Objects;

/**
 * Plesk's secret key for its XML API, sent in the {@code KEY} header. It is never logged and never
 * part of a message: {@link #toString} hides it.
 */
record SecretKey(String value) {

  private static final String HIDDEN = "[secret key]";

  SecretKey {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret key is not empty");
    }
  }

  /** The text with every occurrence of the key replaced, for text that came from elsewhere. */
  String redact(String text) {
    return text == null ? null : text.replace(value, HIDDEN);
  }

  @Override
  public String toString() {
    return "SecretKey" + HIDDEN;
  }
}
