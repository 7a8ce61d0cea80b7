package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rdp and iis-ftp sections of the agent's configuration. */
class WindowsSourcesConfigTest {

  @Test
  void bothAreOnByDefault() throws Exception {
    AgentConfig config = ConfigLoader.parse(null);

    assertThat(config.source(RdpSettings.class)).contains(RdpSettings.defaults());
    assertThat(config.source(IisFtpSettings.class)).contains(IisFtpSettings.defaults());
  }

  @Test
  void readsTheRdpSection() throws Exception {
    RdpSettings rdp =
        ConfigLoader.parse(
                "sources: {rdp: {systemDirectory: 'D:\\Windows\\System32', messageSeconds: 120,"
                    + " graceSeconds: 5, timeoutSeconds: 20}}")
            .source(RdpSettings.class)
            .orElseThrow();

    assertThat(rdp)
        .isEqualTo(
            new RdpSettings(
                Path.of("D:\\Windows\\System32"),
                120,
                Duration.ofSeconds(5),
                Duration.ofSeconds(20)));
  }

  @Test
  void readsTheIisFtpSection() throws Exception {
    IisFtpSettings iis =
        ConfigLoader.parse(
                "sources: {iis-ftp: {powershell: 'C:\\ps\\powershell.exe', inetsrvDirectory:"
                    + " 'C:\\iis', graceSeconds: 1, timeoutSeconds: 60}}")
            .source(IisFtpSettings.class)
            .orElseThrow();

    assertThat(iis)
        .isEqualTo(
            new IisFtpSettings(
                Path.of("C:\\ps\\powershell.exe"),
                Path.of("C:\\iis"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60)));
  }

  @Test
  void eitherCanBeTurnedOff() throws Exception {
    AgentConfig config =
        ConfigLoader.parse("sources: {rdp: {enabled: false}, iis-ftp: {enabled: false}}");

    assertThat(config.source(RdpSettings.class)).isEmpty();
    assertThat(config.source(IisFtpSettings.class)).isEmpty();
  }

  @Test
  void refusesAMessageTimeOutOfRange() {
    assertThatThrownBy(() -> ConfigLoader.parse("sources: {rdp: {messageSeconds: 0}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.rdp.messageSeconds");
  }

  @Test
  void refusesAnUnknownKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("sources: {iis-ftp: {powerShell: x}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.iis-ftp.powerShell");
  }
}
