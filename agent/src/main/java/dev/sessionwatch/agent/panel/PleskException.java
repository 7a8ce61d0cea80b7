package dev.sessionwatch.agent.panel;

import java.util.Set;

/**
 * Plesk answered with an error packet: {@code <status>error</status>}, an {@code <errcode>} and an
 * {@code <errtext>}, either for the whole request ({@code <system>}: the key, the protocol version,
 * the packet) or for one operation.
 */
final class PleskException extends Exception {

  /** Plesk's code for "object does not exist"; for a session, "Session does not exist". */
  static final int OBJECT_NOT_FOUND = 1013;

  /** Plesk's codes for a wrong password and for a secret key it does not accept. */
  private static final Set<Integer> AUTHENTICATION = Set.of(1001, 11003);

  private final Integer code;
  private final String text;
  private final boolean system;

  /**
   * @param code Plesk's {@code errcode}, or null when the packet has none
   * @param text Plesk's {@code errtext}, or null when the packet has none
   * @param system whether Plesk refused the whole request before running it
   */
  PleskException(Integer code, String text, boolean system) {
    super(describe(code, text));
    this.code = code;
    this.text = text;
    this.system = system;
  }

  Integer code() {
    return code;
  }

  String text() {
    return text;
  }

  boolean system() {
    return system;
  }

  boolean isCode(int expected) {
    return code != null && code == expected;
  }

  /** Whether Plesk refused the credentials: a wrong secret key, or one made for another address. */
  boolean isAuthentication() {
    return code != null && AUTHENTICATION.contains(code);
  }

  private static String describe(Integer code, String text) {
    String what = text == null || text.isBlank() ? "no error text" : text;
    return code == null ? what : what + " (Plesk error " + code + ")";
  }
}
