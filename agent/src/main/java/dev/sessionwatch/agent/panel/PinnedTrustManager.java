package dev.sessionwatch.agent.panel;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, the pinned one, and nothing else: no certificate
 * authority, no other certificate of the same host. The pin names the certificate itself, so the
 * host name is not checked (a panel on 127.0.0.1 presents a certificate for its host name, or a
 * self-signed one). Being an {@link X509ExtendedTrustManager}, it is used as it is, not wrapped in
 * the JDK's checks of host name and issuer.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {

  /** The server presented another certificate than the pinned one. */
  static final class PinMismatchException extends CertificateException {
    private final CertificatePin presented;

    PinMismatchException(CertificatePin presented, CertificatePin pinned) {
      super("the certificate presented has SHA-256 " + presented + ", not the pinned " + pinned);
      this.presented = presented;
    }

    CertificatePin presented() {
      return presented;
    }
  }

  private final CertificatePin pin;

  PinnedTrustManager(CertificatePin pin) {
    this.pin = pin;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server presented no certificate");
    }
    CertificatePin presented = CertificatePin.of(chain[0]);
    if (!presented.equals(pin)) {
      throw new PinMismatchException(presented, pin);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("the agent is a client here; it trusts no client");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
