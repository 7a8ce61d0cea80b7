package dev.sessionwatch.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The SHA-256 fingerprint of an agent's TLS certificate (of its whole DER encoding), written as
 * upper-case hex pairs joined by colons, as {@code keytool -list -v} and {@code openssl x509
 * -fingerprint -sha256} print it: the agent prints it, the console shows it, and an operator
 * compares the two. Part of the protocol because both sides must write it the same way.
 *
 * @param text {@code 43:DC:CD:...}, 32 pairs
 */
public record CertificateFingerprint(String text) {
  private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

  public CertificateFingerprint {
    if (text == null || !text.matches("[0-9A-F]{2}(:[0-9A-F]{2}){31}")) {
      throw new IllegalArgumentException("not a SHA-256 fingerprint: " + text);
    }
  }

  public static CertificateFingerprint of(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return new CertificateFingerprint(COLON_HEX.formatHex(digest));
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate cannot be encoded", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
