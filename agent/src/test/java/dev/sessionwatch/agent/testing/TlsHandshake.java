package dev.sessionwatch.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A TLS client for tests: one handshake with a server, nothing sent after it. */
public final class TlsHandshake {
  private static final int TIMEOUT_MILLIS = 10_000;

  private TlsHandshake() {}

  /**
   * Shakes hands with the server and returns the session.
   *
   * @param protocols the only versions the client offers; none for the client's defaults
   * @throws IOException when the handshake fails
   */
  public static SSLSession with(InetSocketAddress server, SSLContext context, String... protocols)
      throws IOException {
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      socket.connect(server, TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      if (protocols.length > 0) {
        socket.setEnabledProtocols(protocols);
      }
      socket.startHandshake();
      // TLS 1.3 servers check the client's certificate after the handshake: read to learn.
      socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
      socket.getOutputStream().flush();
      if (socket.getInputStream().read() < 0) {
        throw new IOException("the server closed the connection");
      }
      return socket.getSession();
    }
  }

  /**
   * A client context that trusts exactly {@code server}, and presents the key in {@code
   * clientKeyStore} (a PKCS12 file, password on the first line of {@code clientPasswordFile}), or
   * no certificate when that is null.
   */
  public static SSLContext trusting(
      X509Certificate server, Path clientKeyStore, Path clientPasswordFile)
      throws GeneralSecurityException, IOException {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("server", server);
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(anchors);
    KeyManager[] keys = null;
    if (clientKeyStore != null) {
      char[] password = Files.readAllLines(clientPasswordFile).get(0).toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(clientKeyStore)) {
        store.load(in, password);
      }
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      keys = factory.getKeyManagers();
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, trust.getTrustManagers(), null);
    return context;
  }

  /** A client context that trusts exactly {@code server} and presents no certificate. */
  public static SSLContext trusting(X509Certificate server)
      throws GeneralSecurityException, IOException {
    return trusting(server, null, null);
  }
}
