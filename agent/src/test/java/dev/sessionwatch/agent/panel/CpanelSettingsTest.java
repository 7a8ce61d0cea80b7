package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpanelSettingsTest {

  @Test
  void isEnabledWithCpanelsPathsAndExpiryByDefault() throws ConfigException {
    CpanelSettings settings = ConfigLoader.parse("").source(CpanelSettings.class).orElseThrow();

    assertThat(settings.sessionsDirectory()).isEqualTo(Path.of("/var/cpanel/sessions"));
    assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void readsItsSection() throws ConfigException {
    CpanelSettings settings =
        ConfigLoader.parse(
                """
                sources:
                  cpanel:
                    sessionsDirectory: /srv/cpanel/sessions
                    sessionTimeoutSeconds: 3600
                    graceSeconds: 1
                """)
            .source(CpanelSettings.class)
            .orElseThrow();

    assertThat(settings.sessionsDirectory()).isEqualTo(Path.of("/srv/cpanel/sessions"));
    assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.grace()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void canBeDisabled() throws ConfigException {
    assertThat(
            ConfigLoader.parse("sources: {cpanel: {enabled: false}}").source(CpanelSettings.class))
        .isEmpty();
  }

  @Test
  void refusesAZeroTimeout() {
    assertThatThrownBy(() -> ConfigLoader.parse("sources: {cpanel: {sessionTimeoutSeconds: 0}}"))
        .hasMessageContaining("'sources.cpanel.sessionTimeoutSeconds'");
  }
}
