package dev.sessionwatch.app.agent;

import dev.sessionwatch.protocol.CertificateFingerprint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;

/**
 * The one certificate the operator trusted for an agent (trust on first use, like SSH's
 * known_hosts): the console talks to that agent only when it presents exactly this certificate. See
 * docs/decisions/0007-agent-certificate.md.
 */
public record PinnedCertificate(X509Certificate certificate) {
  public PinnedCertificate {
    Objects.requireNonNull(certificate, "certificate");
  }

  public CertificateFingerprint fingerprint() {
    return CertificateFingerprint.of(certificate);
  }

  /** The certificate's DER encoding in Base64, as the settings file keeps it. */
  public String toBase64() {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateException e) {
      throw new IllegalStateException("a certificate read once can be encoded again", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the text is not a Base64 DER certificate
   */
  public static PinnedCertificate fromBase64(String base64) {
    try {
      Certificate read =
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
      return new PinnedCertificate((X509Certificate) read);
    } catch (CertificateException | IllegalArgumentException e) {
      throw new IllegalArgumentException("a pinned certificate is not readable", e);
    }
  }

  /**
   * A client for the agent at {@code host} that completes a handshake only with this certificate:
   * the JDK's PKIX trust manager with this certificate as its only trust anchor, OkHttp's {@link
   * CertificatePinner} holding its public key, and, since the pin and not a name is the agent's
   * identity here, a host name check that accepts exactly this certificate. Shares the pool and
   * threads of {@code shared}.
   */
  OkHttpClient client(OkHttpClient shared, String host) {
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      anchors.setCertificateEntry("pinned", certificate);
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(anchors);
      X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new X509TrustManager[] {trust}, null);
      return shared
          .newBuilder()
          .sslSocketFactory(context.getSocketFactory(), trust)
          .hostnameVerifier((name, session) -> presents(session))
          .certificatePinner(
              new CertificatePinner.Builder().add(host, CertificatePinner.pin(certificate)).build())
          .build();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK's TLS cannot hold one certificate", e);
    }
  }

  private boolean presents(SSLSession session) {
    try {
      Certificate[] peer = session.getPeerCertificates();
      return peer.length > 0 && peer[0].equals(certificate);
    } catch (SSLPeerUnverifiedException e) {
      return false;
    }
  }
}
