package dev.sessionwatch.app.agent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one agent's successive session lists, taking the session of the list before for each
 * session whose JSON is the same, byte for byte: between two polls most of a busy host's sessions
 * have not changed, and decoding them again would be most of what a console watching hundreds of
 * hosts does. Not thread-safe: one per agent, used one poll at a time.
 */
final class SessionListDecoder {
  private static final ObjectReader SESSION = Json.mapper().readerFor(Session.class);
  private Map<Encoded, Session> previous = Map.of();

  SessionList decode(byte[] body) throws IOException {
    Map<Encoded, Session> decoded = new HashMap<>();
    List<Session> sessions = new ArrayList<>();
    int[] array = sessionsArray(body, decoded, sessions);
    if (array == null) {
      previous = Map.of();
      return Json.mapper().readValue(body, SessionList.class);
    }
    // The list without its sessions, which were decoded one by one above.
    byte[] rest = new byte[body.length - (array[1] - array[0])];
    System.arraycopy(body, 0, rest, 0, array[0]);
    System.arraycopy(body, array[1], rest, array[0], body.length - array[1]);
    SessionList list = Json.mapper().readValue(rest, SessionList.class);
    previous = decoded;
    return list == null
        ? null
        : new SessionList(list.host(), list.collectedAt(), sessions, list.errors());
  }

  /**
   * Decodes the elements of the top-level {@code sessions} array into {@code sessions}; answers the
   * byte range of its elements (inside the brackets), or null when the body has no such array.
   */
  private int[] sessionsArray(byte[] body, Map<Encoded, Session> decoded, List<Session> sessions)
      throws IOException {
    try (JsonParser parser = Json.mapper().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean isSessions = "sessions".equals(parser.currentName());
        JsonToken value = parser.nextToken();
        if (isSessions && value == JsonToken.START_ARRAY) {
          int from = offset(parser.currentLocation().getByteOffset());
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            int start = offset(parser.currentTokenLocation().getByteOffset());
            parser.skipChildren();
            Encoded session =
                new Encoded(body, start, offset(parser.currentLocation().getByteOffset()));
            Session known = previous.get(session);
            Session read = known != null ? known : session.decode();
            decoded.put(session, read);
            sessions.add(read);
          }
          if (parser.currentToken() != JsonToken.END_ARRAY) {
            return null; // not an array of objects: the whole list decoded says what is wrong
          }
          return new int[] {from, offset(parser.currentTokenLocation().getByteOffset())};
        }
        parser.skipChildren();
      }
      return null;
    }
  }

  private static int offset(long byteOffset) {
    return Math.toIntExact(byteOffset);
  }

  /** One session's JSON: a range of a body, equal to another with the same bytes. */
  private static final class Encoded {
    private final byte[] body;
    private final int from;
    private final int to;
    private final int hash;

    Encoded(byte[] body, int from, int to) {
      this.body = body;
      this.from = from;
      this.to = to;
      int h = 1;
      for (int index = from; index < to; index++) {
        h = 31 * h + body[index];
      }
      this.hash = h;
    }

    Session decode() throws IOException {
      return SESSION.readValue(body, from, to - from);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Encoded that
          && hash == that.hash
          && Arrays.equals(body, from, to, that.body, that.from, that.to);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
