package dev.sessionwatch.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {
  /** Made by keytool -genkeypair; keytool -list -v printed the fingerprint below for it. */
  private static final String KEYTOOL_CERTIFICATE =
      """
      -----BEGIN CERTIFICATE-----
      MIIByDCCAW6gAwIBAgIIRQUX9K92G1owCgYIKoZIzj0EAwIwLTEbMBkGA1UEChMS
      U2Vzc2lvbndhdGNoIGFnZW50MQ4wDAYDVQQDEwV3ZWIwMTAeFw0yNjExMjIxNDE2
      MTRaFw0zNjExMTkxNDE2MTRaMC0xGzAZBgNVBAoTElNlc3Npb253YXRjaCBhZ2Vu
      dDEOMAwGA1UEAxMFd2ViMDEwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATR3kW2
      I2UFkMaIVOmsd7r6YwydQC83udfoMVeN3uTo65ysH2+BF1IwvgbVArArs8qZlZ7H
      pruW16HxZCeAraVto3gwdjAdBgNVHQ4EFgQUjkF4S0AQiwoD5PD+ZVhDjv0aSMow
      CwYDVR0PBAQDAgeAMDMGA1UdEQQsMCqCBXdlYjAxgglsb2NhbGhvc3SHBH8AAAGH
      EAAAAAAAAAAAAAAAAAAAAAEwEwYDVR0lBAwwCgYIKwYBBQUHAwEwCgYIKoZIzj0E
      AwIDSAAwRQIhAMQ9YwPktE9IjMenXsu0W5WXZl6EWTVTNlFvK3C7uiZjAiAw6MDe
      k+ZoGda43+PML/I27pICP8EiNaLJ+LRPwwe0tw==
      -----END CERTIFICATE-----
      """;

  @Test
  void isWrittenAsKeytoolPrintsIt() throws Exception {
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(
                        KEYTOOL_CERTIFICATE.getBytes(StandardCharsets.US_ASCII)));

    assertThat(CertificateFingerprint.of(certificate).text())
        .isEqualTo(
            "43:DC:CD:89:03:A5:49:5E:E0:A1:A2:25:EB:67:77:10:"
                + "52:E8:46:3A:AC:E3:06:81:06:A3:41:61:D5:CE:A4:EA");
  }

  @Test
  void refusesTextThatIsNotAFingerprint() {
    assertThatThrownBy(() -> new CertificateFingerprint("43:dc:cd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("43:dc:cd");
  }
}
