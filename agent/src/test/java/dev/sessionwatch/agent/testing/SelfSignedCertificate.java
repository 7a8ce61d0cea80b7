package dev.sessionwatch.agent.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate and its key, made by the JDK's {@code keytool} into a test folder, as a
 * panel's certificate would be: issued to a host name, not to 127.0.0.1.
 */
public final class SelfSignedCertificate {

  private static final char[] PASSWORD = "sessionwatch-test".toCharArray();
  private static final String ALIAS = "panel";

  private final KeyStore store;
  private final X509Certificate certificate;

  private SelfSignedCertificate(KeyStore store) throws Exception {
    this.store = store;
    this.certificate = (X509Certificate) store.getCertificate(ALIAS);
  }

  /** Makes a new key pair and certificate for the host name; takes about a second. */
  public static SelfSignedCertificate create(Path dir, String hostName) throws Exception {
    Path file = Files.createTempFile(dir, "panel-", ".p12");
    Files.delete(file);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    ALIAS,
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=" + hostName,
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    file.toString(),
                    "-storepass",
                    new String(PASSWORD)))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("keytool.log").toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("keytool did not finish within 60 s");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "keytool failed: " + Files.readString(dir.resolve("keytool.log")).strip());
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return new SelfSignedCertificate(store);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** A server's TLS context presenting this certificate. */
  public SSLContext serverContext() throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    return tls;
  }
}
