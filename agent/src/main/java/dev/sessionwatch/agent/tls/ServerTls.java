package dev.sessionwatch.agent.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the agent's HTTPS server talks TLS: its key and certificate, TLS 1.2 and 1.3 only (whatever
 * the JVM would allow), and, when a client CA is configured, only with clients that present a
 * certificate that CA signed.
 */
public final class ServerTls {
  /** The protocol versions the agent speaks; anything older is refused in the handshake. */
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLContext context;
  private final boolean clientCertificates;

  private ServerTls(SSLContext context, boolean clientCertificates) {
    this.context = context;
    this.clientCertificates = clientCertificates;
  }

  /**
   * @param clientCa PEM certificates of the authorities whose client certificates are accepted;
   *     null to ask clients for none
   * @throws IOException naming the file that cannot be used
   */
  public static ServerTls of(AgentKeyStore keys, Path clientCa) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.keyManagers(), clientCa == null ? null : trustManagers(clientCa), null);
      return new ServerTls(context, clientCa != null);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS with " + keys.file() + ": " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trustManagers(Path clientCa)
      throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> authorities;
    try (InputStream in = Files.newInputStream(clientCa)) {
      authorities = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (NoSuchFileException e) {
      throw new IOException(
          "there is no client CA file at " + clientCa + " (setting tls.clientCa)");
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "the client CA file " + clientCa + " is not PEM certificates: " + e.getMessage(), e);
    }
    if (authorities.isEmpty()) {
      throw new IOException("the client CA file " + clientCa + " holds no certificate");
    }
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    List<Certificate> list = new ArrayList<>(authorities);
    for (int i = 0; i < list.size(); i++) {
      anchors.setCertificateEntry("client-ca-" + i, list.get(i));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(anchors);
    return factory.getTrustManagers();
  }

  /** Whether a client must present a certificate the client CA signed. */
  public boolean clientCertificatesRequired() {
    return clientCertificates;
  }

  /** Configures each connection of an {@code HttpsServer}. */
  public HttpsConfigurator configurator() {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
        parameters.setNeedClientAuth(clientCertificates);
        params.setSSLParameters(parameters);
      }
    };
  }
}
