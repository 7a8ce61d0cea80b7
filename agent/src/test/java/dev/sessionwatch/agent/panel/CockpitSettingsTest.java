package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code sources.cockpit} section of the agent's configuration. */
class CockpitSettingsTest {

  @Test
  void isOnByDefaultWithDebiansPaths() throws ConfigException {
    assertThat(ConfigLoader.parse("").source(CockpitSettings.class))
        .hasValue(CockpitSettings.defaults());
    assertThat(CockpitSettings.defaults().cockpitWs())
        .isEqualTo(Path.of("/usr/lib/cockpit/cockpit-ws"));
  }

  @Test
  void readsItsSettings() throws ConfigException {
    CockpitSettings settings =
        ConfigLoader.parse(
                """
                sources:
                  cockpit:
                    cockpitWs: /usr/libexec/cockpit-ws
                    procRoot: /host/proc
                    passwdFile: /host/etc/passwd
                    graceSeconds: 1
                """)
            .source(CockpitSettings.class)
            .orElseThrow();

    assertThat(settings)
        .isEqualTo(
            new CockpitSettings(
                Path.of("/usr/libexec/cockpit-ws"),
                Path.of("/host/proc"),
                Path.of("/host/etc/passwd"),
                Duration.ofSeconds(1)));
  }

  @Test
  void canBeDisabled() throws ConfigException {
    assertThat(
            ConfigLoader.parse("sources: {cockpit: {enabled: false}}")
                .source(CockpitSettings.class))
        .isEmpty();
  }

  @Test
  void refusesAnUnknownKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("sources: {cockpit: {cockpitws: /x}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.cockpit.cockpitws");
  }
}
