package dev.sessionwatch.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a token may do: a viewer reads, an operator also acts. */
public enum Role {
  VIEWER,
  OPERATOR;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean mayAct() {
    return this == OPERATOR;
  }

  @JsonCreator
  public static Role fromWire(String value) {
    for (Role role : values()) {
      if (role.wireName().equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + value + "' (expected viewer or operator)");
  }
}
