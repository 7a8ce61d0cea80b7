package dev.sessionwatch.agent.panel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of the one certificate a panel must present: the fingerprint of its DER
 * encoding, as {@code openssl x509 -noout -fingerprint -sha256} prints it. See
 * docs/decisions/0005-plesk-certificate-pinning.md.
 *
 * @param hex 64 lower-case hex digits
 */
public record CertificatePin(String hex) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public CertificatePin {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits");
    }
  }

  /**
   * Reads a fingerprint as people write it: 64 hex digits, in either case, with or without a colon
   * between each pair ({@code AB:CD:...}).
   *
   * @throws IllegalArgumentException when it is not such a fingerprint
   */
  public static CertificatePin parse(String text) {
    String digits = text.strip().toLowerCase(Locale.ROOT);
    if (digits.contains(":")) {
      if (!digits.matches("[0-9a-f]{2}(:[0-9a-f]{2}){31}")) {
        throw new IllegalArgumentException(
            "a SHA-256 fingerprint is 32 pairs of hex digits, each pair apart by a colon");
      }
      digits = digits.replace(":", "");
    }
    return new CertificatePin(digits);
  }

  /** The fingerprint of a certificate. */
  public static CertificatePin of(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return new CertificatePin(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a certificate: " + e, e);
    }
  }

  /** As openssl prints it: upper-case pairs apart by colons. */
  @Override
  public String toString() {
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
  }
}
