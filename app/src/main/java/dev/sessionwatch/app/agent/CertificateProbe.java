package dev.sessionwatch.app.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Learns which certificate an agent presents, to show its fingerprint before the operator trusts
 * it. One TLS handshake whose trust manager trusts nothing: it records the certificate and fails
 * the handshake, so not one byte of HTTP (nor the token) ever reaches an agent not yet trusted.
 */
final class CertificateProbe {
  private CertificateProbe() {}

  /**
   * @throws IOException when the agent cannot be reached or presents no certificate
   */
  static X509Certificate presented(String host, int port, Duration timeout) throws IOException {
    Recorder recorder = new Recorder();
    SSLContext context;
    try {
      context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {recorder}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JRE speaks TLS", e);
    }
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(host, port), millis);
      plain.setSoTimeout(millis);
      // Layered with the host's name, so the agent sees the name it is asked for (SNI).
      try (SSLSocket tls =
          (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, false)) {
        tls.startHandshake();
      } catch (IOException expected) {
        // The recorder ends every handshake it sees a certificate in.
      }
    }
    if (recorder.presented == null) {
      throw new IOException("the agent at " + host + ":" + port + " presented no certificate");
    }
    return recorder.presented;
  }

  /** Records the server's certificate and refuses it. */
  private static final class Recorder implements X509TrustManager {
    private volatile X509Certificate presented;

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      if (chain.length > 0) {
        presented = chain[0];
      }
      throw new CertificateException("only recorded, not trusted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("a console accepts no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
