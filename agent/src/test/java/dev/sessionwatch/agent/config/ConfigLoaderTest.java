package dev.sessionwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.agent.auth.LockoutSettings;
import dev.sessionwatch.agent.ftp.ProftpdSettings;
import dev.sessionwatch.agent.ftp.PureFtpdSettings;
import dev.sessionwatch.agent.ftp.VsftpdSettings;
import dev.sessionwatch.agent.http.RequestLimits;
import dev.sessionwatch.agent.terminal.UtmpSettings;
import dev.sessionwatch.agent.tls.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void emptyFileGivesLoopbackDefaults() throws ConfigException {
    AgentConfig config = ConfigLoader.parse("");

    assertThat(config.listen().getAddress().isLoopbackAddress()).isTrue();
    assertThat(config.listen().getPort()).isEqualTo(7878);
    assertThat(config.source(UtmpSettings.class)).isPresent();
    assertThat(config.demo()).isNull();
  }

  @Test
  void settingsAreRead() throws ConfigException {
    AgentConfig config =
        ConfigLoader.parse(
            """
            listen: "[::1]:9000"
            tokensFile: /srv/tokens.json
            auditLog: /srv/audit.log
            sources:
              utmp:
                utmpFile: /tmp/utmp
                graceSeconds: 0.5
              demo:
                enabled: true
                sessions: 40
            """);

    assertThat(config.listen().getPort()).isEqualTo(9000);
    assertThat(config.listen().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(config.tokensFile()).isEqualTo(Path.of("/srv/tokens.json"));
    assertThat(config.source(UtmpSettings.class).orElseThrow().utmpFile())
        .isEqualTo(Path.of("/tmp/utmp"));
    assertThat(config.source(UtmpSettings.class).orElseThrow().grace())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(config.demo().sessions()).isEqualTo(40);
  }

  @Test
  void requestLimitsAndLockoutHaveDefaults() throws ConfigException {
    AgentConfig config = ConfigLoader.parse("");

    assertThat(config.limits()).isEqualTo(RequestLimits.DEFAULTS);
    assertThat(config.lockout()).isEqualTo(LockoutSettings.DEFAULTS);
  }

  @Test
  void requestLimitsAndLockoutAreRead() throws ConfigException {
    AgentConfig config =
        ConfigLoader.parse(
            """
            limits:
              maxRequestLineBytes: 4096
              maxHeaderBytes: 8192
              maxBodyBytes: 1024
              requestTimeoutSeconds: 3
              maxConcurrentRequests: 16
            auth:
              maxFailures: 5
              failureWindowSeconds: 30
              lockoutSeconds: 600
              trackedAddresses: 500
            """);

    assertThat(config.limits())
        .isEqualTo(new RequestLimits(4096, 8192, 1024, Duration.ofSeconds(3), 16));
    assertThat(config.lockout())
        .isEqualTo(new LockoutSettings(5, Duration.ofSeconds(30), Duration.ofMinutes(10), 500));
  }

  @Test
  void misspeltLimitIsRefusedByName() {
    assertThatThrownBy(() -> ConfigLoader.parse("limits: {maxBodySize: 10}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'limits.maxBodySize'");
  }

  @Test
  void zeroLockoutIsRefusedByName() {
    assertThatThrownBy(() -> ConfigLoader.parse("auth: {lockoutSeconds: 0}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'auth.lockoutSeconds'");
  }

  @Test
  void disabledSourceIsAbsent() throws ConfigException {
    assertThat(ConfigLoader.parse("sources: {utmp: {enabled: false}}").source(UtmpSettings.class))
        .isEmpty();
  }

  @Test
  void unknownSettingIsNamedWithItsPath() {
    assertThatThrownBy(() -> ConfigLoader.parse("sources:\n  utmp:\n    utmpfile: /x\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'sources.utmp.utmpfile'")
        .hasMessageContaining("utmpFile");
  }

  @Test
  void unknownSourceIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.parse("sources: {proftp: {}}"))
        .hasMessageContaining("'sources.proftp'");
  }

  @Test
  void wrongTypeIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.parse("threads: many"))
        .hasMessageContaining("'threads'")
        .hasMessageContaining("whole number");
  }

  @Test
  void malformedListenAddressIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.parse("listen: 127.0.0.1"))
        .hasMessageContaining("'listen'")
        .hasMessageContaining("HOST:PORT");
  }

  @Test
  void invalidYamlIsReportedWithTheFileName() throws Exception {
    Path file = dir.resolve("agent.yaml");
    Files.writeString(file, "listen: [unclosed\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void missingExplicitFileIsReported() {
    Path file = dir.resolve("absent.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageContaining(file.toString());
  }

  @Test
  void proftpdIsOnByDefaultWithDebiansPaths() throws ConfigException {
    AgentConfig config = ConfigLoader.parse("");

    assertThat(config.source(ProftpdSettings.class).orElseThrow().ftpwho())
        .isEqualTo(Path.of("/usr/bin/ftpwho"));
    assertThat(config.source(ProftpdSettings.class).orElseThrow().scoreboardFile())
        .isEqualTo(Path.of("/run/proftpd.scoreboard"));
  }

  @Test
  void proftpdSettingsAreRead() throws ConfigException {
    AgentConfig config =
        ConfigLoader.parse(
            """
            sources:
              proftpd:
                ftpwho: /opt/proftpd/bin/ftpwho
                scoreboardFile: /var/run/proftpd/scoreboard
                graceSeconds: 1
                timeoutSeconds: 3
            """);

    assertThat(config.source(ProftpdSettings.class).orElseThrow().ftpwho())
        .isEqualTo(Path.of("/opt/proftpd/bin/ftpwho"));
    assertThat(config.source(ProftpdSettings.class).orElseThrow().scoreboardFile())
        .isEqualTo(Path.of("/var/run/proftpd/scoreboard"));
    assertThat(config.source(ProftpdSettings.class).orElseThrow().grace())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(config.source(ProftpdSettings.class).orElseThrow().timeout())
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void proftpdCanBeDisabled() throws ConfigException {
    assertThat(
            ConfigLoader.parse("sources: {proftpd: {enabled: false}}")
                .source(ProftpdSettings.class))
        .isEmpty();
  }

  @Test
  void proftpdRefusesAZeroTimeout() {
    assertThatThrownBy(() -> ConfigLoader.parse("sources: {proftpd: {timeoutSeconds: 0}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'sources.proftpd.timeoutSeconds'");
  }

  @Test
  void pureFtpdIsOnByDefaultWithDebiansPaths() throws ConfigException {
    AgentConfig config = ConfigLoader.parse("");

    assertThat(config.source(PureFtpdSettings.class).orElseThrow().pureFtpwho())
        .isEqualTo(Path.of("/usr/sbin/pure-ftpwho"));
    assertThat(config.source(PureFtpdSettings.class).orElseThrow().scoreboardDirectory())
        .isEqualTo(Path.of("/var/run/pure-ftpd"));
  }

  @Test
  void pureFtpdSettingsAreRead() throws ConfigException {
    AgentConfig config =
        ConfigLoader.parse(
            """
            sources:
              pure-ftpd:
                pureFtpwho: /opt/pure-ftpd/sbin/pure-ftpwho
                scoreboardDirectory: /run/pure-ftpd
                graceSeconds: 1
                timeoutSeconds: 3
            """);

    assertThat(config.source(PureFtpdSettings.class).orElseThrow().pureFtpwho())
        .isEqualTo(Path.of("/opt/pure-ftpd/sbin/pure-ftpwho"));
    assertThat(config.source(PureFtpdSettings.class).orElseThrow().scoreboardDirectory())
        .isEqualTo(Path.of("/run/pure-ftpd"));
    assertThat(config.source(PureFtpdSettings.class).orElseThrow().grace())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(config.source(PureFtpdSettings.class).orElseThrow().timeout())
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void pureFtpdCanBeDisabled() throws ConfigException {
    assertThat(
            ConfigLoader.parse("sources: {pure-ftpd: {enabled: false}}")
                .source(PureFtpdSettings.class))
        .isEmpty();
  }

  @Test
  void pureFtpdRefusesAnUnknownKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("sources: {pure-ftpd: {ftpwho: /x}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.pure-ftpd.ftpwho");
  }

  @Test
  void vsftpdSettingsAreRead() throws ConfigException {
    AgentConfig config =
        ConfigLoader.parse(
            """
            sources:
              vsftpd:
                vsftpd: /opt/vsftpd/sbin/vsftpd
                configFile: /etc/vsftpd/vsftpd.conf
                graceSeconds: 1
            """);

    VsftpdSettings settings = config.source(VsftpdSettings.class).orElseThrow();
    assertThat(settings.vsftpd()).isEqualTo(Path.of("/opt/vsftpd/sbin/vsftpd"));
    assertThat(settings.configFile()).isEqualTo(Path.of("/etc/vsftpd/vsftpd.conf"));
    assertThat(settings.grace()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void vsftpdCanBeDisabled() throws ConfigException {
    assertThat(
            ConfigLoader.parse("sources: {vsftpd: {enabled: false}}").source(VsftpdSettings.class))
        .isEmpty();
  }

  @Test
  void tlsIsOffByDefaultWithAKeyStoreToCreateBesideTheTokens() throws ConfigException {
    TlsSettings tls = ConfigLoader.parse("tokensFile: /srv/sw/tokens.json").tls();

    assertThat(tls.enabled()).isFalse();
    assertThat(tls.keyStore()).isEqualTo(Path.of("/srv/sw/agent-tls.p12"));
    assertThat(tls.passwordFile()).isEqualTo(Path.of("/srv/sw/agent-tls.p12.password"));
    assertThat(tls.createIfMissing()).isTrue();
    assertThat(tls.clientCa()).isNull();
  }

  @Test
  void aConfiguredKeyStoreIsUsedAsItIsAndNeverCreated() throws ConfigException {
    TlsSettings tls =
        ConfigLoader.parse(
                """
                tls:
                  enabled: true
                  keyStore: /etc/ssl/agent.p12
                  clientCa: /etc/ssl/consoles.pem
                """)
            .tls();

    assertThat(tls.enabled()).isTrue();
    assertThat(tls.keyStore()).isEqualTo(Path.of("/etc/ssl/agent.p12"));
    assertThat(tls.passwordFile()).isEqualTo(Path.of("/etc/ssl/agent.p12.password"));
    assertThat(tls.createIfMissing()).isFalse();
    assertThat(tls.clientCa()).isEqualTo(Path.of("/etc/ssl/consoles.pem"));
  }

  @Test
  void tlsRefusesAnUnknownKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("tls: {enabled: true, certificate: /x.pem}"))
        .hasMessageContaining("'tls.certificate'")
        .hasMessageContaining("keyStorePasswordFile");
  }
}
