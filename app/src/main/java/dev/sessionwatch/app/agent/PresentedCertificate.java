package dev.sessionwatch.app.agent;

import dev.sessionwatch.protocol.CertificateFingerprint;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate an agent presented that the console does not trust (yet): for a server without a
 * pin, the first one seen; for a pinned server, one that is not the pinned one.
 *
 * @param pinned the fingerprint of the certificate trusted until now; null on first contact
 */
public record PresentedCertificate(X509Certificate certificate, CertificateFingerprint pinned) {
  public PresentedCertificate {
    Objects.requireNonNull(certificate, "certificate");
  }

  public CertificateFingerprint fingerprint() {
    return CertificateFingerprint.of(certificate);
  }

  /** Whether another certificate was trusted for this agent before: a warning, not a question. */
  public boolean changed() {
    return pinned != null;
  }

  /** The pin to keep once the operator trusts it. */
  public PinnedCertificate pin() {
    return new PinnedCertificate(certificate);
  }
}
