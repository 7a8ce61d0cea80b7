package dev.sessionwatch.app.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import dev.sessionwatch.protocol.SourceError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionListDecoderTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final SessionListDecoder decoder = new SessionListDecoder();

  private static Session ftp(String id, long bytesSent) {
    return Session.builder(id, SessionKind.FTP, "proftpd")
        .user("alice")
        .clientAddress("203.0.113.7")
        .loginTime(T0)
        .bytesSent(bytesSent)
        .actions(SessionAction.END)
        .attributes(Map.of("class", "default"))
        .build();
  }

  private static byte[] encoded(List<Session> sessions, List<SourceError> errors) throws Exception {
    return Json.mapper().writeValueAsBytes(new SessionList("web01", T0, sessions, errors));
  }

  @Test
  void decodesAListAsJacksonDoes() throws Exception {
    byte[] body =
        encoded(
            List.of(ftp("proftpd:1", 10), ftp("proftpd:2", 20)),
            List.of(new SourceError("vsftpd", "no titles")));

    assertThat(decoder.decode(body)).isEqualTo(Json.mapper().readValue(body, SessionList.class));
  }

  @Test
  void takesTheSessionOfTheListBeforeWhenItsJsonIsTheSame() throws Exception {
    SessionList first =
        decoder.decode(encoded(List.of(ftp("proftpd:1", 10), ftp("proftpd:2", 20)), List.of()));

    SessionList second =
        decoder.decode(encoded(List.of(ftp("proftpd:1", 10), ftp("proftpd:2", 99)), List.of()));

    assertThat(second.sessions().get(0)).isSameAs(first.sessions().get(0));
    assertThat(second.sessions().get(1)).isNotSameAs(first.sessions().get(1));
    assertThat(second.sessions().get(1).bytesSent()).isEqualTo(99);
  }

  @Test
  void readsAListWithoutASessionsArrayOrWithOddElementsAsJacksonDoes() throws Exception {
    for (String json :
        List.of(
            "{\"host\":\"web01\",\"collectedAt\":\"2026-03-01T10:00:00Z\"}",
            "{\"host\":\"web01\",\"collectedAt\":\"2026-03-01T10:00:00Z\",\"sessions\":null}",
            "{\"host\":\"web01\",\"collectedAt\":\"2026-03-01T10:00:00Z\",\"sessions\":[],"
                + "\"errors\":[],\"newerField\":{\"sessions\":[1]}}")) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);

      assertThat(decoder.decode(body))
          .as(json)
          .isEqualTo(Json.mapper().readValue(body, SessionList.class));
    }
  }

  @Test
  void aMalformedListIsAnErrorAsBefore() {
    byte[] truncated =
        "{\"host\":\"web01\",\"sessions\":[{\"id\":\"x\"".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> decoder.decode(truncated)).isInstanceOf(JsonProcessingException.class);
  }
}
