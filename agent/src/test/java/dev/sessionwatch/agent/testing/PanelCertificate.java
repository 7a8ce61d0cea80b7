package dev.sessionwatch.agent.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import dev.sessionwatch.agent.tls.AgentKeyStore;
import dev.sessionwatch.agent.tls.SelfSignedCertificate;
import dev.sessionwatch.agent.tls.ServerTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A self-signed certificate and its key in a test folder, made as the agent makes its own, as a
 * panel's certificate would be: issued to a host name, not to 127.0.0.1.
 */
public final class PanelCertificate {

  private final AgentKeyStore keys;

  private PanelCertificate(AgentKeyStore keys) {
    this.keys = keys;
  }

  /** Makes a new key pair and certificate for the host name; takes about a second. */
  public static PanelCertificate create(Path dir, String hostName) throws Exception {
    Path folder = Files.createTempDirectory(dir, "panel-");
    Path keyStore = folder.resolve("panel.p12");
    Path password = folder.resolve("panel.p12.password");
    SelfSignedCertificate.create(
        keyStore,
        password,
        hostName,
        List.of("dns:" + hostName),
        SelfSignedCertificate.Usage.SERVER);
    return new PanelCertificate(AgentKeyStore.open(keyStore, password));
  }

  public X509Certificate certificate() {
    return keys.certificate();
  }

  /** What makes an HTTPS server present this certificate. */
  public HttpsConfigurator configurator() throws Exception {
    return ServerTls.of(keys, null).configurator();
  }
}
