package dev.sessionwatch.agent.testing;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.http.AgentServer;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.tls.AgentKeyStore;
import dev.sessionwatch.agent.tls.ServerTls;
import dev.sessionwatch.agent.tls.TlsSettings;
import dev.sessionwatch.protocol.CertificateFingerprint;
import dev.sessionwatch.protocol.Role;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The real agent serving some sources over HTTPS on a loopback port, with the self-signed
 * certificate it creates when no key store is configured, and an operator token. {@link
 * #restartWithNewCertificate} swaps its certificate, as a reinstalled agent would, keeping the
 * port.
 */
public final class HttpsAgent implements AutoCloseable {
  private final String hostName;
  private final SessionCatalog catalog;
  private final TokenStore tokens = TokenStore.inMemory();
  private final String token;
  private final AuditLog auditLog;
  private final TlsSettings tls;
  private AgentKeyStore keys;
  private AgentServer server;

  private HttpsAgent(String hostName, List<SessionSource> sources, Path directory)
      throws IOException {
    this.hostName = hostName;
    catalog = new SessionCatalog(sources);
    token = tokens.create("console", Role.OPERATOR);
    auditLog = AuditLog.open(directory.resolve("audit.log"));
    Path keyStore = directory.resolve(TlsSettings.DEFAULT_KEY_STORE);
    tls = new TlsSettings(true, keyStore, Path.of(keyStore + ".password"), true, null);
    serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  /**
   * Serves the sources as host {@code hostName}; the key store and audit log go to {@code
   * directory}.
   */
  public static HttpsAgent serving(String hostName, List<SessionSource> sources, Path directory)
      throws IOException {
    return new HttpsAgent(hostName, sources, directory);
  }

  private void serve(InetSocketAddress address) throws IOException {
    keys = AgentKeyStore.openOrCreate(tls, "localhost", address.getAddress());
    server =
        AgentServer.builder()
            .address(address)
            .catalog(catalog)
            .tokens(tokens)
            .auditLog(auditLog)
            .identity(AgentIdentity.ofThisHost().withHostName(hostName))
            .tls(ServerTls.of(keys, null))
            .build()
            .start();
  }

  /** Stops, replaces the key store with a new self-signed certificate, and serves again. */
  public void restartWithNewCertificate() throws IOException {
    InetSocketAddress address = server.address();
    server.close();
    Files.delete(tls.keyStore());
    serve(address);
  }

  /** {@code https://127.0.0.1:PORT}. */
  public URI uri() {
    return server.uri();
  }

  public String token() {
    return token;
  }

  public X509Certificate certificate() {
    return keys.certificate();
  }

  public CertificateFingerprint fingerprint() {
    return keys.fingerprint();
  }

  @Override
  public void close() throws IOException {
    server.close();
    auditLog.close();
  }
}
