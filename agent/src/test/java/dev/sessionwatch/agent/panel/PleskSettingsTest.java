package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The {@code sources.plesk} section of the agent's configuration. */
class PleskSettingsTest {

  private static final String PIN =
      "8F:43:28:8A:D2:72:F3:10:3B:6F:B1:42:84:85:EA:30:14:C0:BC:FE:7E:6B:FE:22:E9:6E:AB:2B:8F:4E:D3:E2";

  @Test
  void isOffUnlessEnabled() throws ConfigException {
    assertThat(ConfigLoader.parse(null).source(PleskSettings.class)).isEmpty();
  }

  @Test
  void enabledAloneTakesTheDefaults() throws ConfigException {
    AgentConfig config = ConfigLoader.parse("sources: {plesk: {enabled: true}}");

    PleskSettings settings = config.source(PleskSettings.class).orElseThrow();
    assertThat(settings.url())
        .isEqualTo(URI.create("https://127.0.0.1:8443/enterprise/control/agent.php"));
    assertThat(settings.secretKeyFile()).isEqualTo(Path.of("/etc/sessionwatch/plesk-secret-key"));
    assertThat(settings.certificateSha256()).isNull();
    assertThat(settings.timeZone()).isEqualTo(ZoneId.systemDefault());
  }

  @Test
  void readsEverySetting() throws ConfigException {
    AgentConfig config =
        ConfigLoader.parse(
            String.join(
                "\n",
                "sources:",
                "  plesk:",
                "    enabled: true",
                "    url: https://[::1]:8443/enterprise/control/agent.php",
                "    secretKeyFile: /root/plesk.key",
                "    certificateSha256: \"" + PIN + "\"",
                "    timeZone: Europe/Berlin",
                "    connectTimeoutSeconds: 2",
                "    timeoutSeconds: 20"));

    PleskSettings settings = config.source(PleskSettings.class).orElseThrow();
    assertThat(settings.url())
        .isEqualTo(URI.create("https://[::1]:8443/enterprise/control/agent.php"));
    assertThat(settings.secretKeyFile()).isEqualTo(Path.of("/root/plesk.key"));
    assertThat(settings.certificateSha256()).isEqualTo(CertificatePin.parse(PIN));
    assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void refusesAUrlWithoutTls() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "sources: {plesk: {url: 'http://127.0.0.1:8880/enterprise/control/agent.php'}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("setting 'sources.plesk.url' must be an https URL");
  }

  @Test
  void refusesAPinThatIsNoSha256Fingerprint() {
    assertThatThrownBy(() -> ConfigLoader.parse("sources: {plesk: {certificateSha256: 'AB:CD'}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "setting 'sources.plesk.certificateSha256' must be the SHA-256 fingerprint");
  }

  @Test
  void refusesAnUnknownTimeZone() {
    assertThatThrownBy(() -> ConfigLoader.parse("sources: {plesk: {timeZone: Mars/Olympus}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("setting 'sources.plesk.timeZone' must be a time zone");
  }
}
