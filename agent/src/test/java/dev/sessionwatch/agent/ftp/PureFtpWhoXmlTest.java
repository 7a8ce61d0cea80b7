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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser on {@code pure-ftpwho -x -n} as Pure-FTPd 1.0.50 printed it on Debian 12: four
 * sessions (downloading, idle, not logged in, uploading), an anonymous download, a download of a
 * file whose name holds a quote, {@code &}, {@code <}, {@code >} and UTF-8, and no sessions.
 */
class PureFtpWhoXmlTest {

  private static final ProcessIdentity PROCESS = new ProcessIdentity(30365, 4242);
  private static final Instant NOW = Instant.parse("2026-11-23T13:29:37Z");

  private static String captured(String name) throws IOException {
    try (InputStream in = PureFtpWhoXmlTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static PureFtpdClient client(long pid) throws IOException {
    return PureFtpWhoXml.parse(captured("pure-ftpwho-x-four-sessions.xml")).stream()
        .filter(c -> c.pid() == pid)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsEveryClient() throws Exception {
    assertThat(PureFtpWhoXml.parse(captured("pure-ftpwho-x-four-sessions.xml")))
        .extracting(PureFtpdClient::pid)
        .containsExactly(30365L, 30352L, 30362L, 30371L);
  }

  @Test
  void readsAnEmptyScoreboard() throws Exception {
    assertThat(PureFtpWhoXml.parse(captured("pure-ftpwho-x-empty.xml"))).isEmpty();
  }

  @Test
  void mapsADownload() throws Exception {
    Session session = client(30365).toSession(PROCESS, NOW);

    assertThat(session.id()).isEqualTo("pure-ftpd:30365-4242");
    assertThat(session.source()).isEqualTo("pure-ftpd");
    assertThat(session.user()).isEqualTo("swtpfcap");
    assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(session.loginTime()).isEqualTo(NOW.minusSeconds(6));
    assertThat(session.state()).isEqualTo("downloading");
    assertThat(session.currentFile()).isEqualTo("big.bin");
    assertThat(session.progress()).isEqualTo(0.03);
    assertThat(session.bytesSent()).isEqualTo(98304L);
    assertThat(session.bytesReceived()).isNull();
    assertThat(session.transferRateBytesPerSecond()).isEqualTo(16384L);
    assertThat(session.actions()).containsExactly(SessionAction.END);
    assertThat(session.attributes())
        .containsEntry("pid", "30365")
        .containsEntry("localPort", "2199")
        .containsEntry("totalSize", "3000000")
        .containsEntry("resume", "0");
  }

  @Test
  void mapsAnUploadWithoutProgress() throws Exception {
    Session session = client(30371).toSession(PROCESS, NOW);

    assertThat(session.state()).isEqualTo("uploading");
    assertThat(session.currentFile()).isEqualTo("upload.bin");
    assertThat(session.bytesReceived()).isEqualTo(88576L);
    assertThat(session.bytesSent()).isNull();
    assertThat(session.progress()).isNull();
    assertThat(session.transferRateBytesPerSecond()).isEqualTo(14762L);
  }

  @Test
  void mapsAnIdleSessionWithoutTransferFields() throws Exception {
    Session session = client(30352).toSession(PROCESS, NOW);

    assertThat(session.state()).isEqualTo("idle");
    assertThat(session.user()).isEqualTo("swtpfcap");
    assertThat(session.currentFile()).isNull();
    assertThat(session.progress()).isNull();
    assertThat(session.transferRateBytesPerSecond()).isNull();
    assertThat(session.idleSince()).as("pure-ftpwho gives no idle time").isNull();
  }

  @Test
  void mapsAClientNotYetLoggedInAsAuthenticatingWithoutUser() throws Exception {
    Session session = client(30362).toSession(PROCESS, NOW);

    assertThat(session.user()).isNull();
    assertThat(session.state()).isEqualTo("authenticating");
  }

  @Test
  void mapsAnAnonymousLoginToItsSystemAccount() throws Exception {
    List<PureFtpdClient> clients = PureFtpWhoXml.parse(captured("pure-ftpwho-x-anonymous.xml"));

    assertThat(clients).singleElement().extracting(PureFtpdClient::account).isEqualTo("ftp");
  }

  @Test
  void readsAFileNameWithAnUnescapedQuoteAndEscapedMarkup() throws Exception {
    List<PureFtpdClient> clients = PureFtpWhoXml.parse(captured("pure-ftpwho-x-quoted-name.xml"));

    assertThat(clients)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.file()).isEqualTo("r&d \"q\" <café>.bin");
              assertThat(c.host()).isEqualTo("127.0.0.1");
              assertThat(c.percentage()).isEqualTo(2);
            });
  }

  @Test
  void refusesTextWithoutStatus() {
    assertThatThrownBy(() -> PureFtpWhoXml.parse("You must be root to run this. Sorry.\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<status>");
  }

  @Test
  void refusesOutputCutShort() throws Exception {
    String whole = captured("pure-ftpwho-x-four-sessions.xml");
    String cut = whole.substring(0, whole.indexOf("</status>"));

    assertThatThrownBy(() -> PureFtpWhoXml.parse(cut))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("</status>");
  }

  @Test
  void refusesAClientLineItDoesNotKnow() {
    String garbled =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<status>\n"
            + "  <client pid=\"x12\" account=\"a\" />\n</status>\n";

    assertThatThrownBy(() -> PureFtpWhoXml.parse(garbled))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pid=\"x12\"");
  }

  @Test
  void refusesAPercentageAboveAHundred() throws Exception {
    String wrong =
        captured("pure-ftpwho-x-four-sessions.xml")
            .replace("percentage=\"3\"", "percentage=\"300\"");

    assertThatThrownBy(() -> PureFtpWhoXml.parse(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("percentage");
  }
}
