package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.agent.testing.PanelCertificate;
import dev.sessionwatch.agent.testing.PleskApiServer;
import dev.sessionwatch.agent.testing.PleskApiServer.PanelLogin;
import dev.sessionwatch.agent.testing.PleskApiServer.Received;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Plesk source against a stand-in for Plesk's XML API over HTTPS on loopback, which answers the
 * documented packets.
 */
class PleskSourceTest {

  private static final String KEY = "24f8c5e5-fcb5-bdfc-aac0-7bff0e800334";
  private static final ZoneId PANEL_ZONE = ZoneId.of("Europe/Berlin");

  private static final PanelLogin ADMIN =
      new PanelLogin(
          "6a17d01f5e1925601faa86ad22ada6ff",
          "admin",
          "192.0.2.1",
          "admin",
          "2026-11-20T05:21:00",
          "2026-11-20T05:37:42");
  private static final PanelLogin CLIENT =
      new PanelLogin(
          "f15cabb0a544df13aee1ee5b55de0530",
          "client",
          "2001:db8::7",
          "jimmyjoe",
          "2026-11-21T23:42:00",
          "2026-11-21T23:43:22");
  private static final PanelLogin RESELLER =
      new PanelLogin(
          "0c4d1b7e9a2f44d6b1e3c5a7f9d2e4b6",
          "reseller",
          "198.51.100.23",
          "resel",
          "2026-11-22T08:00:00",
          "2026-11-22T09:15:30");

  @TempDir static Path certificateDir;
  private static PanelCertificate certificate;

  @TempDir Path dir;
  private PleskApiServer panel;

  @BeforeAll
  static void makeCertificate() throws Exception {
    certificate = PanelCertificate.create(certificateDir, "plesk.example.test");
  }

  @BeforeEach
  void start() throws Exception {
    panel = PleskApiServer.start(certificate, KEY);
    panel.login(ADMIN);
    panel.login(CLIENT);
    panel.login(RESELLER);
  }

  @AfterEach
  void stop() {
    panel.close();
  }

  private PleskSource source(String key) throws Exception {
    return new PleskSource(settings(keyFile(key), CertificatePin.of(certificate.certificate())));
  }

  private PleskSettings settings(Path keyFile, CertificatePin pin) {
    return new PleskSettings(
        panel.url(), keyFile, pin, PANEL_ZONE, Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  private Path keyFile(String key) throws Exception {
    Path file = Files.createTempFile(dir, "plesk-key", "");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(file, key + "\n");
    return file;
  }

  private static Session byUser(List<Session> sessions, String user) {
    return sessions.stream().filter(s -> user.equals(s.user())).findFirst().orElseThrow();
  }

  @Test
  void listsEveryPanelSessionWithItsFields() throws Exception {
    List<Session> sessions = source(KEY).list();

    assertThat(sessions).extracting(Session::user).containsOnly("admin", "jimmyjoe", "resel");
    Session client = byUser(sessions, "jimmyjoe");
    assertThat(client.kind()).isEqualTo(SessionKind.PANEL);
    assertThat(client.source()).isEqualTo("plesk");
    assertThat(client.panel()).isEqualTo("plesk");
    assertThat(client.userType()).isEqualTo("client");
    assertThat(client.clientAddress()).isEqualTo("2001:db8::7");
    assertThat(client.loginTime()).isEqualTo(Instant.parse("2026-11-21T22:42:00Z"));
    assertThat(client.idleSince()).isEqualTo(Instant.parse("2026-11-21T22:43:22Z"));
    assertThat(client.actions()).containsExactly(SessionAction.LOGOUT);
  }

  @Test
  void listsTheUserTypePleskGives() throws Exception {
    List<Session> sessions = source(KEY).list();

    assertThat(sessions)
        .extracting(Session::user, Session::userType)
        .containsOnly(
            tuple("admin", "admin"), tuple("jimmyjoe", "client"), tuple("resel", "reseller"));
  }

  @Test
  void sendsTheDocumentedGetPacketWithTheKeyHeader() throws Exception {
    source(KEY).list();

    assertThat(panel.received())
        .containsExactly(
            new Received("POST", PleskApiServer.PATH, "text/xml", KEY, PleskApiServer.SESSION_GET));
  }

  @Test
  void sessionIdsDoNotRevealPleskSessionTokens() throws Exception {
    List<Session> sessions = source(KEY).list();

    assertThat(sessions)
        .allSatisfy(
            session -> {
              assertThat(session.id()).matches("plesk:[0-9a-f]{32}");
              assertThat(session.toString()).doesNotContain(ADMIN.id(), CLIENT.id(), RESELLER.id());
            });
    assertThat(sessions).extracting(Session::id).doesNotHaveDuplicates();
  }

  @Test
  void keepsTheSameIdsFromOneListingToTheNext() throws Exception {
    PleskSource source = source(KEY);

    assertThat(source.list())
        .extracting(Session::id)
        .isEqualTo(source.list().stream().map(Session::id).toList());
  }

  @Test
  void wrongKeyIsThisSourcesErrorWithoutTheKey() throws Exception {
    String wrongKey = "11111111-2222-3333-4444-555555555555";
    PleskSource source = source(wrongKey);

    assertThatThrownBy(source::list)
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("Invalid secret key usage")
        .hasMessageContaining("11003")
        .hasMessageContaining("check the secret key")
        .hasMessageNotContaining(wrongKey)
        .hasMessageNotContaining(KEY);
  }

  @Test
  void hidesTheKeyWherePleskEchoesIt() throws Exception {
    panel.answerNext(
        "<packet><system><status>error</status><errcode>1001</errcode>"
            + "<errtext>Authentication failed for key "
            + KEY
            + "</errtext></system></packet>");

    assertThatThrownBy(source(KEY)::list)
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("Authentication failed for key [secret key]")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void systemErrorIsThisSourcesError() throws Exception {
    panel.answerNext(
        "<?xml version=\"1.0\"?>\n<packet version=\"1.6.9.1\"><system><status>error</status>"
            + "<errcode>1005</errcode><errtext>XML API protocol version not supported.</errtext>"
            + "</system><output></output></packet>");

    assertThatThrownBy(source(KEY)::list)
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "Plesk did not list the panel's sessions: XML API protocol version not supported."
                + " (Plesk error 1005)");
  }

  @Test
  void malformedAnswerIsThisSourcesError() throws Exception {
    panel.answerNext("<packet><session><get><result><status>ok</status><session>");

    assertThatThrownBy(source(KEY)::list)
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("Plesk's answer is not the documented XML API packet: ");
  }

  @Test
  void answerLargerThanTheCapIsRefused() throws Exception {
    panel.answerNext("<packet>" + "x".repeat(PleskXmlApi.MAX_ANSWER_BYTES) + "</packet>");

    assertThatThrownBy(source(KEY)::list)
        .isInstanceOf(SourceException.class)
        .hasMessage("Plesk's answer is larger than " + PleskXmlApi.MAX_ANSWER_BYTES + " bytes");
  }

  @Test
  void slowPanelTimesOut() throws Exception {
    panel.delayAnswers(Duration.ofSeconds(30));
    PleskSource source =
        new PleskSource(
            new PleskSettings(
                panel.url(),
                keyFile(KEY),
                CertificatePin.of(certificate.certificate()),
                PANEL_ZONE,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1)));

    long started = System.nanoTime();
    assertThatThrownBy(source::list)
        .isInstanceOf(SourceException.class)
        .hasMessageEndingWith("did not answer within 1.0 s");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void refusesAPanelWhoseCertificateIsNotThePinnedOne() throws Exception {
    CertificatePin other = CertificatePin.parse("00".repeat(32));
    PleskSource source = new PleskSource(settings(keyFile(KEY), other));

    assertThatThrownBy(source::list)
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("refused the panel at " + panel.url())
        .hasMessageContaining(
            "its certificate has SHA-256 " + CertificatePin.of(certificate.certificate()))
        .hasMessageContaining("certificateSha256 pins " + other)
        .hasMessageNotContaining(KEY);
    assertThat(panel.received()).as("nothing, and no key, reached the server").isEmpty();
  }

  @Test
  void unavailableWithoutAPin() throws Exception {
    PleskSource source = new PleskSource(settings(keyFile(KEY), null));

    assertThat(source.status().available()).isFalse();
    assertThat(source.status().detail()).startsWith("no certificateSha256");
  }

  @Test
  void unavailableWithoutTheKeyFile() throws Exception {
    Path missing = dir.resolve("no-such-key");
    PleskSource source =
        new PleskSource(settings(missing, CertificatePin.of(certificate.certificate())));

    assertThat(source.status().available()).isFalse();
    assertThat(source.status().detail()).isEqualTo("there is no secret key file " + missing);
  }

  @Test
  void availableWithAPinAndAGoodKeyFile() throws Exception {
    assertThat(source(KEY).status().available()).isTrue();
  }

  @Test
  void logoutTerminatesThePickedSessionByPlesksId() throws Exception {
    PleskSource source = source(KEY);
    Session client = byUser(source.list(), "jimmyjoe");

    ActionResult result = source.perform(client, SessionAction.LOGOUT);

    assertThat(result.sessionEnded()).isTrue();
    assertThat(result.message()).isEqualTo("Plesk terminated the panel session of jimmyjoe");
    assertThat(panel.lists(CLIENT.id())).isFalse();
    assertThat(panel.lists(ADMIN.id())).isTrue();
    assertThat(panel.received())
        .extracting(Received::body)
        .containsExactly(
            PleskApiServer.SESSION_GET,
            PleskApiServer.SESSION_GET,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><packet><session><terminate>"
                + "<session-id>f15cabb0a544df13aee1ee5b55de0530</session-id>"
                + "</terminate></session></packet>");
    assertThat(panel.received()).extracting(Received::key).containsOnly(KEY);
  }

  @Test
  void sessionThatEndedBeforeTheLogoutIsGone() throws Exception {
    PleskSource source = source(KEY);
    Session client = byUser(source.list(), "jimmyjoe");
    panel.end(CLIENT.id());

    assertThatThrownBy(() -> source.perform(client, SessionAction.LOGOUT))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.GONE));
    assertThat(panel.received()).extracting(Received::body).doesNotContain(terminate(CLIENT));
  }

  @Test
  void sessionThatVanishedBetweenListAndTerminateIsGone() throws Exception {
    PleskSource source = source(KEY);
    Session client = byUser(source.list(), "jimmyjoe");
    panel.endBeforeNextTerminate(CLIENT.id());

    assertThatThrownBy(() -> source.perform(client, SessionAction.LOGOUT))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.GONE));
    assertThat(panel.received()).extracting(Received::body).contains(terminate(CLIENT));
  }

  @Test
  void otherTerminateErrorFailsWithPlesksText() throws Exception {
    PleskSource source = source(KEY);
    Session admin = byUser(source.list(), "admin");
    panel.answerNextTerminate(
        PleskApiServer.terminateAnswer(
            "<status>error</status><errcode>1006</errcode><errtext>Permission denied.</errtext>"));

    assertThatThrownBy(() -> source.perform(admin, SessionAction.LOGOUT))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ActionException.Reason.FAILED);
              assertThat(e)
                  .hasMessage(
                      "Plesk did not log the session out: Permission denied. (Plesk error 1006)");
            });
    assertThat(panel.lists(ADMIN.id())).isTrue();
  }

  @Test
  void offersNoOtherActionThanLogout() throws Exception {
    PleskSource source = source(KEY);
    Session admin = byUser(source.list(), "admin");

    assertThatThrownBy(() -> source.perform(admin, SessionAction.END))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.NOT_OFFERED));
    assertThat(panel.lists(ADMIN.id())).isTrue();
  }

  @Test
  void neverSendsAnIdItDidNotJustList() throws Exception {
    PleskSource source = source(KEY);
    Session forged =
        Session.builder("plesk:" + CLIENT.id(), SessionKind.PANEL, "plesk")
            .actions(SessionAction.LOGOUT)
            .build();

    assertThatThrownBy(() -> source.perform(forged, SessionAction.LOGOUT))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> assertThat(e.reason()).isEqualTo(ActionException.Reason.GONE));
    assertThat(panel.received())
        .extracting(Received::body)
        .containsOnly(PleskApiServer.SESSION_GET);
    assertThat(panel.lists(CLIENT.id())).isTrue();
  }

  private static String terminate(PanelLogin login) {
    return PleskPackets.sessionTerminate(login.id());
  }
}
