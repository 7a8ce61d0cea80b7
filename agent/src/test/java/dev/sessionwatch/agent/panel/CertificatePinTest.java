package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.testing.PanelCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificatePinTest {

  private static final Path OPENSSL_PROGRAM = Path.of("/usr/bin/openssl");

  private static final String OPENSSL =
      "8F:43:28:8A:D2:72:F3:10:3B:6F:B1:42:84:85:EA:30:14:C0:BC:FE:7E:6B:FE:22:E9:6E:AB:2B:8F:4E:D3:E2";

  @Test
  void readsTheFingerprintAsOpensslPrintsIt() {
    assertThat(CertificatePin.parse(OPENSSL).hex())
        .isEqualTo("8f43288ad272f3103b6fb1428485ea3014c0bcfe7e6bfe22e96eab2b8f4ed3e2");
  }

  @Test
  void readsTheFingerprintWithoutColons() {
    assertThat(CertificatePin.parse(OPENSSL.replace(":", "").toLowerCase()))
        .isEqualTo(CertificatePin.parse(OPENSSL));
  }

  @Test
  void showsItselfAsOpensslPrintsIt() {
    assertThat(CertificatePin.parse(OPENSSL)).hasToString(OPENSSL);
  }

  @Test
  void refusesAFingerprintOfAnotherLength() {
    assertThatThrownBy(() -> CertificatePin.parse("8F:43:28"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesASha1Fingerprint() {
    assertThatThrownBy(() -> CertificatePin.parse("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesColonsInTheWrongPlaces() {
    assertThatThrownBy(
            () -> CertificatePin.parse(OPENSSL.replace(":", "").replace("8F43", "8F:4:3")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fingerprintsACertificateAsOpensslDoes(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(OPENSSL_PROGRAM), "needs " + OPENSSL_PROGRAM + " (package openssl)");
    PanelCertificate certificate = PanelCertificate.create(dir, "plesk.example.test");
    Path der = dir.resolve("panel.der");
    Files.write(der, certificate.certificate().getEncoded());
    Path output = dir.resolve("openssl.out");
    Process openssl =
        new ProcessBuilder(
                List.of(
                    OPENSSL_PROGRAM.toString(),
                    "x509",
                    "-inform",
                    "DER",
                    "-in",
                    der.toString(),
                    "-noout",
                    "-fingerprint",
                    "-sha256"))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
    String printed = Files.readString(output).strip();

    assertThat(printed)
        .isEqualToIgnoringCase(
            "sha256 Fingerprint=" + CertificatePin.of(certificate.certificate()));
  }
}
