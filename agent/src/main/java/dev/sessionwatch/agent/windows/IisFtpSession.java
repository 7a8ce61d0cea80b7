package dev.sessionwatch.agent.windows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One element of {@code system.applicationHost/sites/site/ftpServer/sessions}, as the agent's
 * script {@code iis-ftp-sessions.ps1} prints it, with its site. The attributes are IIS's (see
 * https://learn.microsoft.com/en-us/previous-versions/iis/settings-schema/ff713782(v=vs.90)).
 *
 * @param userName {@code <Anonymous>} for an anonymous login; empty before the login
 * @param commandStartTime when the current command began, as IIS wrote it
 * @param sessionStartTime when the session began, as IIS wrote it
 * @param lastErrorStatus what IIS calls the last FTP reply code
 */
record IisFtpSession(
    long siteId,
    String site,
    String sessionId,
    String userName,
    String clientIp,
    long bytesSent,
    long bytesReceived,
    String currentCommand,
    String previousCommand,
    String commandStartTime,
    String sessionStartTime,
    long lastErrorStatus) {

  /** What the script accepts as a session id to terminate: IIS's ids are numbers or GUIDs. */
  static final Pattern TERMINABLE_ID = Pattern.compile("[A-Za-z0-9{][A-Za-z0-9{}-]{0,63}");

  static final String ANONYMOUS = "<Anonymous>";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DOWNLOADS = Set.of("RETR");
  private static final Set<String> UPLOADS = Set.of("STOR", "STOU", "APPE");

  /**
   * Reads the script's {@code {"sessions": [...]}}.
   *
   * @throws IllegalArgumentException when it is not that JSON or a session lacks an attribute
   */
  static List<IisFtpSession> parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.path("sessions").isArray()) {
      throw new IllegalArgumentException("no \"sessions\" list");
    }
    List<IisFtpSession> sessions = new ArrayList<>();
    for (JsonNode node : root.get("sessions")) {
      sessions.add(
          new IisFtpSession(
              number(node, "siteId"),
              text(node, "site"),
              text(node, "sessionId"),
              text(node, "userName"),
              text(node, "clientIp"),
              number(node, "bytesSent"),
              number(node, "bytesReceived"),
              text(node, "currentCommand"),
              text(node, "previousCommand"),
              text(node, "commandStartTime"),
              text(node, "sessionStartTime"),
              number(node, "lastErrorStatus")));
    }
    return sessions;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !(value.isTextual() || value.isNull())) {
      throw new IllegalArgumentException("a session's \"" + name + "\" is not a string");
    }
    return value.isNull() ? "" : value.asText();
  }

  private static long number(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("a session's \"" + name + "\" is not a whole number");
    }
    return value.asLong();
  }

  /** The first four bytes of SHA-256 of the start time, in hex, as the script computes it. */
  String startDigest() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(sessionStartTime.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * {@code iis-ftp:SITE-SESSION-DIGEST}: the start time's digest keeps a later session that gets
   * the same id from matching.
   */
  String id() {
    return IisFtpSource.NAME + ":" + siteId + "-" + sessionId + "-" + startDigest();
  }

  boolean terminable() {
    return TERMINABLE_ID.matcher(sessionId).matches();
  }

  Session toSession() {
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("siteId", Long.toString(siteId));
    attributes.put("sessionId", sessionId);
    putIfAny(attributes, "sessionStartTime", sessionStartTime);
    putIfAny(attributes, "commandStartTime", commandStartTime);
    attributes.put("lastErrorStatus", Long.toString(lastErrorStatus));
    return Session.builder(id(), SessionKind.FTP, IisFtpSource.NAME)
        .user(orNull(userName))
        .userType(userName.equals(ANONYMOUS) ? "anonymous" : null)
        .clientAddress(orNull(clientIp))
        .loginTime(instant(sessionStartTime))
        .state(state())
        .actions(terminable() ? List.of(SessionAction.END) : List.of())
        .domain(orNull(site))
        .currentCommand(orNull(currentCommand))
        .previousCommand(orNull(previousCommand))
        .commandStartTime(currentCommand.isEmpty() ? null : instant(commandStartTime))
        .bytesSent(bytesSent)
        .bytesReceived(bytesReceived)
        .lastReplyCode(
            lastErrorStatus >= 100 && lastErrorStatus <= 599 ? (int) lastErrorStatus : null)
        .attributes(attributes)
        .build();
  }

  private String state() {
    String command = currentCommand.toUpperCase(Locale.ROOT);
    if (userName.isEmpty()) {
      return "authenticating";
    }
    if (DOWNLOADS.contains(command)) {
      return "downloading";
    }
    if (UPLOADS.contains(command)) {
      return "uploading";
    }
    return command.isEmpty() ? "idle" : "active";
  }

  /**
   * A time IIS wrote with its offset (ISO-8601); any other form, such as a local time in the host's
   * format, is left unread rather than placed in a guessed time zone.
   */
  private static Instant instant(String text) {
    try {
      return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String orNull(String text) {
    return text.isBlank() ? null : text;
  }

  private static void putIfAny(Map<String, String> attributes, String key, String value) {
    if (!value.isEmpty()) {
      attributes.put(key, value);
    }
  }
}
