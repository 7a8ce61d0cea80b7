package dev.sessionwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.testing.TlsHandshake;
import dev.sessionwatch.agent.tls.AgentKeyStore;
import dev.sessionwatch.agent.tls.SelfSignedCertificate;
import dev.sessionwatch.agent.tls.ServerTls;
import dev.sessionwatch.agent.tls.TlsSettings;
import dev.sessionwatch.protocol.CertificateFingerprint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API served over HTTPS on loopback: the certificate, the versions, client certificates. */
class AgentServerTlsTest {
  /** One certificate for all tests: keytool takes a few seconds to make one. */
  @TempDir static Path keysDir;

  private static AgentKeyStore keys;

  @TempDir Path dir;
  private AuditLog auditLog;
  private AgentServer server;

  @BeforeAll
  static void createKeys() throws IOException {
    Path keyStore = keysDir.resolve(TlsSettings.DEFAULT_KEY_STORE);
    keys =
        AgentKeyStore.openOrCreate(
            new TlsSettings(true, keyStore, Path.of(keyStore + ".password"), true, null),
            "localhost",
            InetAddress.getLoopbackAddress());
  }

  @BeforeEach
  void openAuditLog() throws IOException {
    auditLog = AuditLog.open(dir.resolve("audit.log"));
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    auditLog.close();
  }

  private void serve(Path clientCa) throws IOException {
    server =
        AgentServer.builder()
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .catalog(new SessionCatalog(List.of()))
            .tokens(TokenStore.inMemory())
            .auditLog(auditLog)
            .identity(new AgentIdentity("web01", "test", "Linux"))
            .tls(ServerTls.of(keys, clientCa))
            .build()
            .start();
  }

  @Test
  void presentsTheKeyStoresCertificateAtAnHttpsUri() throws Exception {
    serve(null);

    SSLSession session =
        TlsHandshake.with(server.address(), TlsHandshake.trusting(keys.certificate()));

    assertThat(server.uri().getScheme()).isEqualTo("https");
    assertThat(CertificateFingerprint.of((X509Certificate) session.getPeerCertificates()[0]))
        .isEqualTo(keys.fingerprint());
  }

  @Test
  void acceptsTls12() throws Exception {
    serve(null);

    SSLSession session =
        TlsHandshake.with(server.address(), TlsHandshake.trusting(keys.certificate()), "TLSv1.2");

    assertThat(session.getProtocol()).isEqualTo("TLSv1.2");
  }

  @Test
  void refusesAClientWithoutACertificateWhenAClientCaIsSet() throws Exception {
    serve(clientCertificate("laptop"));

    assertThatThrownBy(
            () -> TlsHandshake.with(server.address(), TlsHandshake.trusting(keys.certificate())))
        .isInstanceOf(IOException.class);
  }

  @Test
  void acceptsAClientWithACertificateTheClientCaSigned() throws Exception {
    Path ca = clientCertificate("laptop");
    serve(ca);

    SSLSession session =
        TlsHandshake.with(
            server.address(),
            TlsHandshake.trusting(
                keys.certificate(), dir.resolve("laptop.p12"), dir.resolve("laptop.p12.password")));

    assertThat(session.getLocalCertificates()).hasSize(1);
  }

  @Test
  void refusesAClientWhoseCertificateAnotherCaSigned() throws Exception {
    serve(clientCertificate("laptop"));
    clientCertificate("stranger");

    assertThatThrownBy(
            () ->
                TlsHandshake.with(
                    server.address(),
                    TlsHandshake.trusting(
                        keys.certificate(),
                        dir.resolve("stranger.p12"),
                        dir.resolve("stranger.p12.password"))))
        .isInstanceOf(IOException.class);
  }

  /**
   * Makes a self-signed client certificate NAME.p12 and returns a PEM file holding it: the client
   * CA that trusts exactly that client.
   */
  private Path clientCertificate(String name) throws Exception {
    Path keyStore = dir.resolve(name + ".p12");
    Path password = dir.resolve(name + ".p12.password");
    SelfSignedCertificate.create(
        keyStore, password, name, List.of(), SelfSignedCertificate.Usage.CLIENT);
    X509Certificate certificate = AgentKeyStore.open(keyStore, password).certificate();
    Path pem = dir.resolve(name + "-ca.pem");
    Files.writeString(
        pem,
        "-----BEGIN CERTIFICATE-----\n"
            + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    return pem;
  }
}
