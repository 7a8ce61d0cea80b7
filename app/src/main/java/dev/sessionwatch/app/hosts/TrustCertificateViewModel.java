package dev.sessionwatch.app.hosts;

import dev.sessionwatch.app.agent.PresentedCertificate;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What the trust dialog says about a certificate an agent presented: on first contact a question
 * (trust on first use, as SSH asks), after a change a warning with both fingerprints. Knows no
 * controls; tested without the toolkit.
 */
public final class TrustCertificateViewModel {
  private static final String COMPARE =
      "Compare it with what `sessionwatch-agent fingerprint` prints on the server, and trust it"
          + " only if the two are the same.";

  private final String serverName;
  private final URI agentUrl;
  private final PresentedCertificate presented;
  private final DateTimeFormatter dates;

  /**
   * @param zone where the certificate's validity dates are shown
   */
  public TrustCertificateViewModel(
      String serverName, URI agentUrl, PresentedCertificate presented, ZoneId zone) {
    this.serverName = Objects.requireNonNull(serverName, "serverName");
    this.agentUrl = Objects.requireNonNull(agentUrl, "agentUrl");
    this.presented = Objects.requireNonNull(presented, "presented");
    this.dates = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
  }

  public PresentedCertificate presented() {
    return presented;
  }

  /** A warning, rather than a question: another certificate was trusted for this agent. */
  public boolean changed() {
    return presented.changed();
  }

  public String title() {
    return changed() ? "Certificate changed" : "Trust this agent?";
  }

  public String header() {
    return changed()
        ? "Warning: the certificate of " + serverName + " has changed"
        : serverName + " presents a certificate this console has not seen before";
  }

  public String explanation() {
    return changed()
        ? "The agent at "
            + agentUrl
            + " presents another certificate than the one you trusted, and the console refuses"
            + " to talk to it. Someone may be intercepting the connection; or the agent was"
            + " given a new certificate (reinstalled, its key store replaced). "
            + COMPARE
        : "The agent at "
            + agentUrl
            + " presents the certificate below. "
            + COMPARE
            + " From then on the console talks to this agent only while it presents exactly this"
            + " certificate.";
  }

  /** The presented certificate's SHA-256 fingerprint. */
  public String fingerprint() {
    return presented.fingerprint().text();
  }

  /** The fingerprint trusted until now; null on first contact. */
  public String trustedFingerprint() {
    return changed() ? presented.pinned().text() : null;
  }

  public String subject() {
    return presented.certificate().getSubjectX500Principal().getName();
  }

  public String validity() {
    X509Certificate certificate = presented.certificate();
    return dates.format(certificate.getNotBefore().toInstant())
        + " to "
        + dates.format(certificate.getNotAfter().toInstant());
  }

  public String trustLabel() {
    return changed() ? "Trust the new certificate" : "Trust";
  }
}
