package dev.sessionwatch.agent.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The parser on {@code ftpwho -o json} as ProFTPD 1.3.8 printed it on Debian 12 for six sessions:
 * one still authenticating, one idle, three downloading (one anonymous, one whose file name ProFTPD
 * cut), one uploading.
 */
class ProftpdWhoJsonTest {

  private static final ProcessIdentity PROCESS = new ProcessIdentity(11620, 4242);

  private static String captured() throws IOException {
    try (InputStream in =
        ProftpdWhoJsonTest.class.getResourceAsStream("ftpwho-json-six-sessions.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ProftpdConnection connection(long pid) throws IOException {
    return ProftpdWhoJson.parse(captured()).stream()
        .filter(c -> c.pid() == pid)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsEveryConnection() throws Exception {
    assertThat(ProftpdWhoJson.parse(captured()))
        .extracting(ProftpdConnection::pid)
        .containsExactly(11591L, 11594L, 11620L, 11631L, 11633L, 11635L);
  }

  @Test
  void readsAnEmptyScoreboard() {
    String empty =
        "{\"server\": {\"server_type\": \"standalone\", \"pid\": 1, \"started_ms\": 0},"
            + " \"connections\": []}";

    assertThat(ProftpdWhoJson.parse(empty)).isEmpty();
  }

  @Test
  void mapsADownload() throws Exception {
    Session session = connection(11620).toSession(PROCESS);

    assertThat(session.id()).isEqualTo("proftpd:11620-4242");
    assertThat(session.user()).isEqualTo("swtftpcap");
    assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(session.loginTime()).isEqualTo(Instant.ofEpochSecond(1795439090));
    assertThat(session.state()).isEqualTo("downloading");
    assertThat(session.currentCommand()).isEqualTo("RETR");
    assertThat(session.currentFile()).isEqualTo("big.bin");
    assertThat(session.currentDirectory()).isEqualTo("/home/swtftpcap");
    assertThat(session.progress()).isEqualTo(0.0);
    assertThat(session.idleSince()).isNull();
    assertThat(session.actions()).containsExactly(SessionAction.END);
    assertThat(session.attributes())
        .containsEntry("pid", "11620")
        .containsEntry("remoteName", "127.0.0.1")
        .containsEntry("localPort", "2121")
        .containsEntry("protocol", "ftp");
  }

  @Test
  void mapsTransferredBytesAndPercentage() throws Exception {
    Session session = connection(11633).toSession(PROCESS);

    assertThat(session.progress()).isEqualTo(0.03);
    assertThat(session.bytesSent()).isEqualTo(163840L);
    assertThat(session.bytesReceived()).isNull();
  }

  @Test
  void mapsAnUploadWithoutProgress() throws Exception {
    Session session = connection(11631).toSession(PROCESS);

    assertThat(session.state()).isEqualTo("uploading");
    assertThat(session.currentCommand()).isEqualTo("STOR");
    assertThat(session.currentFile()).isEqualTo("up.bin");
    // ProFTPD cannot know the final size of an upload: no percentage, and no bytes while zero.
    assertThat(session.progress()).isNull();
    assertThat(session.bytesSent()).isNull();
  }

  @Test
  void mapsAnIdleSession() throws Exception {
    Session session = connection(11594).toSession(PROCESS);

    assertThat(session.state()).isEqualTo("idle");
    assertThat(session.idleSince()).isEqualTo(Instant.ofEpochSecond(1795439090));
    assertThat(session.currentDirectory()).isEqualTo("/home/swtftpcap/sub");
    assertThat(session.currentCommand()).isNull();
    assertThat(session.currentFile()).isNull();
    assertThat(session.progress()).isNull();
  }

  @Test
  void mapsAConnectionStillAuthenticating() throws Exception {
    Session session = connection(11591).toSession(PROCESS);

    assertThat(session.state()).isEqualTo("authenticating");
    assertThat(session.user()).isNull();
    assertThat(session.currentDirectory()).isNull();
    assertThat(session.idleSince()).isNull();
  }

  @Test
  void showsTheSystemUserOfAnAnonymousLogin() throws Exception {
    // ProFTPD records the account an anonymous login maps to (UserAlias anonymous nobody).
    assertThat(connection(11633).toSession(PROCESS).user()).isEqualTo("nobody");
  }

  @Test
  void marksAnArgumentProftpdCut() throws Exception {
    Session session = connection(11635).toSession(PROCESS);

    // The file was 100 'b's and ".bin"; the scoreboard kept 78 bytes.
    assertThat(session.currentFile()).isEqualTo("b".repeat(78) + "…");
    assertThat(session.attributes()).containsEntry("commandArgs", "b".repeat(78));
  }

  @Test
  void leavesAShorterArgumentUnmarked() throws Exception {
    assertThat(connection(11620).toSession(PROCESS).currentFile()).doesNotContain("…");
  }

  @Test
  void refusesTextThatIsNotJson() {
    assertThatThrownBy(() -> ProftpdWhoJson.parse("standalone FTP daemon [11531], up for 0 min"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON");
  }

  @Test
  void refusesJsonWithoutConnections() {
    assertThatThrownBy(() -> ProftpdWhoJson.parse("{\"server\": {}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connections");
  }

  @Test
  void refusesAConnectionWithoutPid() {
    assertThatThrownBy(() -> ProftpdWhoJson.parse("{\"connections\": [{\"user\": \"a\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pid");
  }

  @Test
  void refusesAFieldOfTheWrongType() {
    String json = "{\"connections\": [{\"pid\": 5, \"connected_since_ms\": \"soon\"}]}";

    assertThatThrownBy(() -> ProftpdWhoJson.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connected_since_ms");
  }

  @Test
  void refusesAPercentageThatIsNotOne() {
    String json = "{\"connections\": [{\"pid\": 5, \"transfer_completed\": \"n/a\"}]}";

    assertThatThrownBy(() -> ProftpdWhoJson.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transfer_completed");
  }

  @Test
  void refusesTruncatedOutput() throws Exception {
    String cut = captured().substring(0, 400);

    assertThatThrownBy(() -> ProftpdWhoJson.parse(cut))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
