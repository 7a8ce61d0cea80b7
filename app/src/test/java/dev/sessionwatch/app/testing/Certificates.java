package dev.sessionwatch.app.testing;

import dev.sessionwatch.agent.tls.AgentKeyStore;
import dev.sessionwatch.agent.tls.SelfSignedCertificate;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** Real self-signed certificates for tests, made as the agent makes its own. */
public final class Certificates {
  private Certificates() {}

  /** A new server certificate named {@code name}; its key store is left in {@code directory}. */
  public static X509Certificate made(Path directory, String name) throws IOException {
    Path keyStore = directory.resolve(name + ".p12");
    Path password = directory.resolve(name + ".p12.password");
    SelfSignedCertificate.create(
        keyStore, password, name, List.of("dns:" + name), SelfSignedCertificate.Usage.SERVER);
    return AgentKeyStore.open(keyStore, password).certificate();
  }
}
