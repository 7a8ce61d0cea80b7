package dev.sessionwatch.agent.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what an exec adapter's list command prints: a JSON array of sessions in the protocol's
 * shape ({@link Session}, as {@code GET /v1/sessions} answers them), {@code []} when no one is
 * logged in.
 *
 * <p>Each session's {@code id} must start with the adapter's name and a colon. {@code kind} and
 * {@code source} may be left out; when given, they must be the adapter's. {@code actions} is the
 * adapter's to set, not the program's: the sessions offer {@code end} when an end command is
 * configured. Fields the program leaves out are absent, as for every source.
 */
final class ExecOutput {

  private static final int MAX_ID_LENGTH = 256;
  private static final int MAX_QUOTED = 60;

  private ExecOutput() {}

  /**
   * The sessions the output lists.
   *
   * @param actions what each session offers
   * @throws IllegalArgumentException saying what is wrong with the output, for an operator
   */
  static List<Session> parse(
      byte[] output, String name, SessionKind kind, List<SessionAction> actions) {
    JsonNode root;
    try {
      root =
          Json.mapper()
              .reader()
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(output);
    } catch (IOException e) {
      throw new IllegalArgumentException("is not JSON: " + originalMessage(e));
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException("is empty (print [] when no one is logged in)");
    }
    if (!root.isArray()) {
      throw new IllegalArgumentException("is not a JSON array of sessions");
    }
    List<Session> sessions = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      Session session = session(root.get(i), "session " + i, name, kind);
      if (!ids.add(session.id())) {
        throw new IllegalArgumentException("lists " + quoted(session.id()) + " twice");
      }
      sessions.add(session.toBuilder().actions(actions).build());
    }
    return sessions;
  }

  private static Session session(JsonNode item, String where, String name, SessionKind kind) {
    if (!item.isObject()) {
      throw new IllegalArgumentException(where + " is not a JSON object");
    }
    ObjectNode fields = item.deepCopy();
    JsonNode id = fields.path("id");
    if (!id.isTextual()) {
      throw new IllegalArgumentException(where + " has no id");
    }
    String prefix = name + ":";
    if (!id.asText().startsWith(prefix)
        || id.asText().length() == prefix.length()
        || id.asText().length() > MAX_ID_LENGTH
        || id.asText().codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          where
              + " has id "
              + quoted(id.asText())
              + ": an id is '"
              + prefix
              + "' followed by 1 to "
              + (MAX_ID_LENGTH - prefix.length())
              + " printable characters");
    }
    requireMine(fields, where, "kind", kind.wireName());
    requireMine(fields, where, "source", name);
    fields.remove("actions");
    try {
      return Json.mapper().treeToValue(fields, Session.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + " is not a session: " + originalMessage(e));
    }
  }

  /** Fills in a field the program may leave out, and refuses one that is not the adapter's. */
  private static void requireMine(ObjectNode fields, String where, String field, String mine) {
    JsonNode given = fields.path(field);
    if (!given.isMissingNode() && !given.isNull() && !mine.equals(given.asText())) {
      throw new IllegalArgumentException(
          where + " has " + field + " " + quoted(given.asText()) + ", not " + quoted(mine));
    }
    fields.put(field, mine);
  }

  private static String originalMessage(IOException e) {
    String message =
        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static String quoted(String text) {
    String cut = text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
    return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
