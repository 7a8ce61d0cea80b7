package dev.sessionwatch.agent.panel;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigSection;
import dev.sessionwatch.agent.config.Durations;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where the Plesk source finds Plesk's XML API, and how it trusts and authenticates to it.
 *
 * @param url the XML API's endpoint; https only, as the secret key travels with every request
 * @param secretKeyFile the file holding the secret key (see {@link SecretKeyFile} for its checks)
 * @param certificateSha256 the panel's certificate; null until configured, which leaves the source
 *     unavailable, as the agent trusts no other certificate
 * @param timeZone the zone of Plesk's session times, which carry none: the panel's host's
 * @param connectTimeout how long connecting may take
 * @param timeout how long a whole request may take, the answer read to its end
 */
public record PleskSettings(
    URI url,
    Path secretKeyFile,
    CertificatePin certificateSha256,
    ZoneId timeZone,
    Duration connectTimeout,
    Duration timeout)
    implements SourceSettings {

  public PleskSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secretKeyFile, "secretKeyFile");
    Objects.requireNonNull(timeZone, "timeZone");
    if (!"https".equals(url.getScheme()) || url.getHost() == null) {
      throw new IllegalArgumentException("url must be an https URL with a host, was " + url);
    }
    Durations.requirePositive(connectTimeout, "connectTimeout");
    Durations.requirePositive(timeout, "timeout");
  }

  /** Plesk's own endpoint on this host; no pin, which leaves the source unavailable. */
  public static PleskSettings defaults() {
    return new PleskSettings(
        URI.create("https://127.0.0.1:8443/enterprise/control/agent.php"),
        Path.of("/etc/sessionwatch/plesk-secret-key"),
        null,
        ZoneId.systemDefault(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /** Reads its section of the configuration, with these defaults for the keys left out. */
  public static PleskSettings read(ConfigSection section) throws ConfigException {
    PleskSettings defaults = defaults();
    URI url = url(section, defaults.url());
    Path secretKeyFile = section.path("secretKeyFile", defaults.secretKeyFile());
    CertificatePin pin = pin(section);
    ZoneId zone = zone(section, defaults.timeZone());
    Duration connectTimeout =
        section.positiveSeconds("connectTimeoutSeconds", defaults.connectTimeout(), 300);
    Duration timeout = section.positiveSeconds("timeoutSeconds", defaults.timeout(), 300);
    return new PleskSettings(url, secretKeyFile, pin, zone, connectTimeout, timeout);
  }

  private static URI url(ConfigSection section, URI fallback) throws ConfigException {
    String text = section.string("url", null);
    if (text == null) {
      return fallback;
    }
    try {
      URI url = new URI(text);
      if ("https".equals(url.getScheme()) && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // refused below, as any other URL that is not https
    }
    throw section.invalid(
        "url", "must be an https URL, e.g. https://127.0.0.1:8443/enterprise/control/agent.php");
  }

  private static CertificatePin pin(ConfigSection section) throws ConfigException {
    String text = section.string("certificateSha256", null);
    try {
      return text == null ? null : CertificatePin.parse(text);
    } catch (IllegalArgumentException e) {
      throw section.invalid(
          "certificateSha256",
          "must be the SHA-256 fingerprint of the panel's certificate, 64 hex digits"
              + " (AB:CD:... as openssl x509 -fingerprint -sha256 prints it)");
    }
  }

  private static ZoneId zone(ConfigSection section, ZoneId fallback) throws ConfigException {
    String text = section.string("timeZone", null);
    try {
      return text == null ? fallback : ZoneId.of(text);
    } catch (DateTimeException e) {
      throw section.invalid("timeZone", "must be a time zone such as Europe/Berlin or UTC");
    }
  }

  @Override
  public SessionSource newSource() {
    return new PleskSource(this);
  }
}
