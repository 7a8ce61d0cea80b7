package dev.sessionwatch.app.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.app.agent.PresentedCertificate;
import dev.sessionwatch.app.testing.Certificates;
import dev.sessionwatch.protocol.CertificateFingerprint;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustCertificateViewModelTest {
  private static final URI URL = URI.create("https://web01.example:7878");

  @TempDir static Path dir;
  private static X509Certificate presented;
  private static X509Certificate before;

  @BeforeAll
  static void makeCertificates() throws Exception {
    presented = Certificates.made(dir, "web01");
    before = Certificates.made(dir, "web01-before");
  }

  private static TrustCertificateViewModel about(CertificateFingerprint pinned) {
    return new TrustCertificateViewModel(
        "web01", URL, new PresentedCertificate(presented, pinned), ZoneOffset.UTC);
  }

  @Test
  void onFirstContactAsksToCompareAndTrustTheFingerprint() {
    TrustCertificateViewModel question = about(null);

    assertThat(question.changed()).isFalse();
    assertThat(question.header()).contains("web01").contains("not seen before");
    assertThat(question.explanation())
        .contains(URL.toString())
        .contains("sessionwatch-agent fingerprint");
    assertThat(question.fingerprint()).isEqualTo(CertificateFingerprint.of(presented).text());
    assertThat(question.trustedFingerprint()).isNull();
    assertThat(question.subject()).contains("CN=web01");
    assertThat(question.trustLabel()).isEqualTo("Trust");
  }

  @Test
  void afterAChangeWarnsWithBothFingerprints() {
    TrustCertificateViewModel warning = about(CertificateFingerprint.of(before));

    assertThat(warning.changed()).isTrue();
    assertThat(warning.header()).startsWith("Warning: the certificate of web01 has changed");
    assertThat(warning.explanation()).contains("intercepting");
    assertThat(warning.fingerprint()).isEqualTo(CertificateFingerprint.of(presented).text());
    assertThat(warning.trustedFingerprint()).isEqualTo(CertificateFingerprint.of(before).text());
    assertThat(warning.trustLabel()).isEqualTo("Trust the new certificate");
  }

  @Test
  void showsTheValidityAsDates() {
    assertThat(about(null).validity()).matches("\\d{4}-\\d{2}-\\d{2} to \\d{4}-\\d{2}-\\d{2}");
  }
}
