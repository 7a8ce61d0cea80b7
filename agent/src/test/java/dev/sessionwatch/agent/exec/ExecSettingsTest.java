package dev.sessionwatch.agent.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigLoader;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecSettingsTest {

  private static final String TWO_ADAPTERS =
      """
      sources:
        exec:
          adapters:
            - name: webmin
              kind: panel
              list: [/usr/local/sbin/webmin-sessions, list]
              end: [/usr/local/sbin/webmin-sessions, end]
              timeoutSeconds: 5
            - name: directadmin
              kind: panel
              list: [/usr/local/sbin/da-sessions]
      """;

  private static List<ExecSettings> adapters(String yaml) throws ConfigException {
    return ConfigLoader.parse(yaml).sources().stream()
        .filter(ExecSettings.class::isInstance)
        .map(ExecSettings.class::cast)
        .toList();
  }

  @Test
  void hasNoAdaptersByDefault() throws ConfigException {
    assertThat(adapters("")).isEmpty();
  }

  @Test
  void eachAdapterIsASource() throws ConfigException {
    List<ExecSettings> adapters = adapters(TWO_ADAPTERS);

    assertThat(adapters)
        .containsExactly(
            new ExecSettings(
                "webmin",
                SessionKind.PANEL,
                List.of("/usr/local/sbin/webmin-sessions", "list"),
                List.of("/usr/local/sbin/webmin-sessions", "end"),
                Duration.ofSeconds(5),
                1024 * 1024),
            new ExecSettings(
                "directadmin",
                SessionKind.PANEL,
                List.of("/usr/local/sbin/da-sessions"),
                List.of(),
                Duration.ofSeconds(10),
                1024 * 1024));
  }

  @Test
  void disablingTheSectionDisablesEveryAdapter() throws ConfigException {
    assertThat(adapters(TWO_ADAPTERS.replace("  exec:\n", "  exec:\n    enabled: false\n")))
        .isEmpty();
  }

  @Test
  void refusesTwoAdaptersOfOneName() {
    assertThatThrownBy(() -> adapters(TWO_ADAPTERS.replace("directadmin", "webmin")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "setting 'sources.exec.adapters[1].name' repeats the name of an earlier adapter");
  }

  @Test
  void refusesANameThatIsNotASourceName() {
    assertThatThrownBy(() -> adapters(TWO_ADAPTERS.replace("name: webmin", "name: Web Min")))
        .hasMessageStartingWith("setting 'sources.exec.adapters[0].name' must be");
  }

  @Test
  void refusesAnUnknownKind() {
    assertThatThrownBy(() -> adapters(TWO_ADAPTERS.replace("kind: panel", "kind: web")))
        .hasMessage("setting 'sources.exec.adapters[0].kind' must be panel, ftp or terminal");
  }

  @Test
  void refusesAProgramThatIsNotAnAbsolutePath() {
    assertThatThrownBy(
            () -> adapters(TWO_ADAPTERS.replace("[/usr/local/sbin/da-sessions]", "[da-sessions]")))
        .hasMessage(
            "setting 'sources.exec.adapters[1].list' must start with the program's absolute path");
  }

  @Test
  void refusesACommandGivenAsOneString() {
    assertThatThrownBy(
            () ->
                adapters(
                    TWO_ADAPTERS.replace(
                        "[/usr/local/sbin/da-sessions]", "/usr/local/sbin/da-sessions --json")))
        .hasMessageStartingWith(
            "setting 'sources.exec.adapters[1].list' must be a list of non-empty strings");
  }

  @Test
  void refusesAnAdapterWithoutListCommand() {
    assertThatThrownBy(() -> adapters("sources: {exec: {adapters: [{name: webmin, kind: panel}]}}"))
        .hasMessage(
            "setting 'sources.exec.adapters[0].list' is required: the command that prints the"
                + " sessions");
  }

  @Test
  void refusesAnUnknownAdapterSetting() {
    assertThatThrownBy(() -> adapters(TWO_ADAPTERS.replace("timeoutSeconds", "timeout")))
        .hasMessageContaining("'sources.exec.adapters[0].timeout'");
  }
}
