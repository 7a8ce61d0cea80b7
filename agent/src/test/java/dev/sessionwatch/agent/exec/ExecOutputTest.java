package dev.sessionwatch.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exec adapter's reading of a list command's output, on literal outputs. */
class ExecOutputTest {

  private static List<Session> parse(String output) {
    return ExecOutput.parse(
        output.getBytes(StandardCharsets.UTF_8),
        "webmin",
        SessionKind.PANEL,
        List.of(SessionAction.END));
  }

  @Test
  void readsSessionsInTheProtocolsShape() {
    List<Session> sessions =
        parse(
            """
            [{"id": "webmin:7f3a9c", "user": "root", "userType": "Webmin user",
              "clientAddress": "198.51.100.4", "loginTime": "2026-11-23T09:12:00Z",
              "idleSince": "2026-11-23T09:40:31Z", "panel": "webmin",
              "attributes": {"sessionFile": "/var/webmin/sessiondb"}}]
            """);

    Session session = sessions.get(0);
    assertThat(session.id()).isEqualTo("webmin:7f3a9c");
    assertThat(session.kind()).isEqualTo(SessionKind.PANEL);
    assertThat(session.source()).isEqualTo("webmin");
    assertThat(session.user()).isEqualTo("root");
    assertThat(session.userType()).isEqualTo("Webmin user");
    assertThat(session.clientAddress()).isEqualTo("198.51.100.4");
    assertThat(session.loginTime()).isEqualTo(Instant.parse("2026-11-23T09:12:00Z"));
    assertThat(session.idleSince()).isEqualTo(Instant.parse("2026-11-23T09:40:31Z"));
    assertThat(session.attributes()).containsEntry("sessionFile", "/var/webmin/sessiondb");
  }

  @Test
  void readsNoSessions() {
    assertThat(parse("[]\n")).isEmpty();
  }

  @Test
  void setsTheActionsItself() {
    Session session = parse("[{\"id\": \"webmin:1\", \"actions\": [\"logout\"]}]").get(0);

    assertThat(session.actions()).containsExactly(SessionAction.END);
  }

  @Test
  void acceptsTheAdaptersOwnKindAndSource() {
    assertThat(parse("[{\"id\": \"webmin:1\", \"kind\": \"panel\", \"source\": \"webmin\"}]"))
        .hasSize(1);
  }

  @Test
  void refusesOutputThatIsNotJson() {
    assertThatThrownBy(() -> parse("Traceback (most recent call last):\n"))
        .hasMessageStartingWith("is not JSON: ");
  }

  @Test
  void refusesEmptyOutput() {
    assertThatThrownBy(() -> parse("")).hasMessage("is empty (print [] when no one is logged in)");
  }

  @Test
  void refusesTrailingGarbage() {
    assertThatThrownBy(() -> parse("[] done")).hasMessageStartingWith("is not JSON: ");
  }

  @Test
  void refusesTheSessionListShape() {
    assertThatThrownBy(() -> parse("{\"sessions\": []}"))
        .hasMessage("is not a JSON array of sessions");
  }

  @Test
  void refusesAnItemThatIsNotAnObject() {
    assertThatThrownBy(() -> parse("[\"webmin:1\"]")).hasMessage("session 0 is not a JSON object");
  }

  @Test
  void refusesASessionWithoutId() {
    assertThatThrownBy(() -> parse("[{\"user\": \"root\"}]")).hasMessage("session 0 has no id");
  }

  @Test
  void refusesAnIdWithoutTheAdaptersPrefix() {
    assertThatThrownBy(() -> parse("[{\"id\": \"webmin:1\"}, {\"id\": \"7f3a9c\"}]"))
        .hasMessage(
            "session 1 has id '7f3a9c': an id is 'webmin:' followed by 1 to 249 printable"
                + " characters");
  }

  @Test
  void refusesAnIdWithAControlCharacter() {
    assertThatThrownBy(() -> parse("[{\"id\": \"webmin:1\\n2\"}]"))
        .hasMessageStartingWith("session 0 has id 'webmin:1?2'");
  }

  @Test
  void refusesAnotherKind() {
    assertThatThrownBy(() -> parse("[{\"id\": \"webmin:1\", \"kind\": \"ftp\"}]"))
        .hasMessage("session 0 has kind 'ftp', not 'panel'");
  }

  @Test
  void refusesAnotherSource() {
    assertThatThrownBy(() -> parse("[{\"id\": \"webmin:1\", \"source\": \"cpanel\"}]"))
        .hasMessage("session 0 has source 'cpanel', not 'webmin'");
  }

  @Test
  void refusesAFieldOfTheWrongType() {
    assertThatThrownBy(() -> parse("[{\"id\": \"webmin:1\", \"loginTime\": \"yesterday\"}]"))
        .hasMessageStartingWith("session 0 is not a session: ");
  }

  @Test
  void refusesTheSameIdTwice() {
    assertThatThrownBy(() -> parse("[{\"id\": \"webmin:1\"}, {\"id\": \"webmin:1\"}]"))
        .hasMessage("lists 'webmin:1' twice");
  }
}
