package dev.sessionwatch.protocol;

import java.util.Optional;

/**
 * The optional JSON body of {@code POST /v1/sessions/{id}/{action}}: what an action needs beyond
 * its name. Only {@link SessionAction#MESSAGE} takes anything: the text shown to the user.
 *
 * @param text the message text; null for every other action
 */
public record ActionRequest(String text) {

  /** The request of an action that takes nothing (no body). */
  public static final ActionRequest NONE = new ActionRequest(null);

  /** Windows' {@code msg} shows at most 255 characters. */
  public static final int MAX_TEXT_LENGTH = 255;

  /**
   * Why {@code text} cannot be sent as a message, in words for the operator; empty when it can.
   *
   * <p>The text reaches the host's messaging program as one command-line argument. Windows hands a
   * program its arguments as one command line that the program splits again, so a double quote
   * could split the text into further arguments, and a leading {@code /} or {@code -} could make it
   * read as an option: both are refused, as are control characters (line breaks, tabs, escapes).
   */
  public static Optional<String> textProblem(String text) {
    if (text == null || text.isBlank()) {
      return Optional.of("the message is empty");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      return Optional.of(
          "the message is "
              + text.length()
              + " characters long; at most "
              + MAX_TEXT_LENGTH
              + " are shown");
    }
    if (text.codePoints().anyMatch(ActionRequest::isControl)) {
      return Optional.of(
          "the message holds a control or formatting character (a line break, tab, escape, ...)");
    }
    if (text.indexOf('"') >= 0) {
      return Optional.of("the message holds a double quote (\"), which cannot be passed on safely");
    }
    char first = text.strip().charAt(0);
    if (first == '/' || first == '-') {
      return Optional.of("the message starts with " + first + ", which would read as an option");
    }
    return Optional.empty();
  }

  private static boolean isControl(int codePoint) {
    return Character.isISOControl(codePoint)
        || codePoint == '\u2028'
        || codePoint == '\u2029'
        || Character.getType(codePoint) == Character.FORMAT;
  }
}
