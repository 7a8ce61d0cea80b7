package dev.sessionwatch.agent.panel;

/**
 * The request packets the Plesk source sends to Plesk's XML API, exactly as Plesk documents them:
 *
 * <ul>
 *   <li>the declaration and packet: <a
 *       href="https://docs.plesk.com/en-US/obsidian/api-rpc/about-xml-api/xml-api-packets/packet-structure.28722">Packet
 *       Structure</a>; without a {@code version} attribute, as Plesk Obsidian's samples, so the
 *       panel answers in its own current protocol version;
 *   <li>{@code session/get}: <a href="https://docs.plesk.com/en-US/12.5/api-rpc/40403">Retrieving
 *       Sessions List</a>;
 *   <li>{@code session/terminate}: <a
 *       href="https://docs.plesk.com/en-US/obsidian/api-rpc/about-xml-api/reference/managing-sessions/terminating-session.40425">Terminating
 *       Session</a>.
 * </ul>
 */
final class PleskPackets {

  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  /** Lists the panel's open sessions. */
  static final String SESSION_GET = DECLARATION + "<packet><session><get/></session></packet>";

  private PleskPackets() {}

  /**
   * Ends the panel session with this id, which must be one Plesk has just listed.
   *
   * @throws IllegalArgumentException when the id holds a character XML cannot carry
   */
  static String sessionTerminate(String sessionId) {
    return DECLARATION
        + "<packet><session><terminate><session-id>"
        + escape(sessionId)
        + "</session-id></terminate></session></packet>";
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> {
          if (c < 0x20) {
            throw new IllegalArgumentException("a control character cannot be sent in XML");
          }
          escaped.append(c);
        }
      }
    }
    return escaped.toString();
  }
}
