package dev.sessionwatch.agent.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sessionwatch.agent.auth.LockoutSettings;
import dev.sessionwatch.agent.exec.ExecSettings;
import dev.sessionwatch.agent.ftp.ProftpdSettings;
import dev.sessionwatch.agent.ftp.ProftpdSource;
import dev.sessionwatch.agent.ftp.PureFtpdSettings;
import dev.sessionwatch.agent.ftp.PureFtpdSource;
import dev.sessionwatch.agent.ftp.VsftpdSettings;
import dev.sessionwatch.agent.ftp.VsftpdSource;
import dev.sessionwatch.agent.http.RequestLimits;
import dev.sessionwatch.agent.panel.CockpitSettings;
import dev.sessionwatch.agent.panel.CockpitSource;
import dev.sessionwatch.agent.panel.CpanelSettings;
import dev.sessionwatch.agent.panel.CpanelSource;
import dev.sessionwatch.agent.panel.PleskSettings;
import dev.sessionwatch.agent.panel.PleskSource;
import dev.sessionwatch.agent.source.SourceSettings;
import dev.sessionwatch.agent.terminal.UtmpSettings;
import dev.sessionwatch.agent.terminal.UtmpSource;
import dev.sessionwatch.agent.tls.TlsSettings;
import dev.sessionwatch.agent.windows.IisFtpSettings;
import dev.sessionwatch.agent.windows.IisFtpSource;
import dev.sessionwatch.agent.windows.RdpSettings;
import dev.sessionwatch.agent.windows.RdpSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and validates the agent's YAML configuration file. */
public final class ConfigLoader {
  /** Read when no {@code --config} is given and it exists. */
  public static final Path DEFAULT_FILE = Path.of("/etc/sessionwatch/agent.yaml");

  static final Path DEFAULT_TOKENS = Path.of("/etc/sessionwatch/tokens.json");
  static final Path DEFAULT_AUDIT_LOG = Path.of("/var/log/sessionwatch/audit.log");

  /** The real sources, each under {@code sources.KEY}, in the order the agent asks them. */
  private static final List<SourceSection> SOURCES =
      List.of(
          new SourceSection(UtmpSource.NAME, true, UtmpSettings::read),
          new SourceSection(ProftpdSource.NAME, true, ProftpdSettings::read),
          new SourceSection(PureFtpdSource.NAME, true, PureFtpdSettings::read),
          new SourceSection(VsftpdSource.NAME, true, VsftpdSettings::read),
          new SourceSection(CockpitSource.NAME, true, CockpitSettings::read),
          new SourceSection(CpanelSource.NAME, true, CpanelSettings::read),
          new SourceSection(PleskSource.NAME, false, PleskSettings::read),
          new SourceSection(RdpSource.NAME, true, RdpSettings::read),
          new SourceSection(IisFtpSource.NAME, true, IisFtpSettings::read),
          new SourceSection(ExecSettings.KEY, true, ExecSettings::read));

  private ConfigLoader() {}

  /**
   * The configuration in {@code file}; with null, the default file when it exists, else the
   * defaults.
   *
   * @throws ConfigException naming the file and the setting that is wrong
   */
  public static AgentConfig load(Path file) throws ConfigException {
    Path chosen = file != null ? file : Files.exists(DEFAULT_FILE) ? DEFAULT_FILE : null;
    if (chosen == null) {
      return parse(null);
    }
    String text;
    try {
      text = Files.readString(chosen);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + chosen + ": " + e);
    }
    try {
      return parse(text);
    } catch (ConfigException e) {
      throw new ConfigException(chosen + ": " + e.getMessage());
    }
  }

  /** Parses the text of a configuration file; null or blank text gives the defaults. */
  public static AgentConfig parse(String yaml) throws ConfigException {
    JsonNode root;
    try {
      root = yaml == null || yaml.isBlank() ? null : new YAMLMapper().readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException("not valid YAML: " + e.getOriginalMessage());
    }
    ConfigSection top = new ConfigSection("", root);
    InetSocketAddress listen = listen(top);
    Path tokens = top.path("tokensFile", DEFAULT_TOKENS);
    Path audit = top.path("auditLog", DEFAULT_AUDIT_LOG);
    int threads = top.integer("threads", 8, 1, 256);
    ConfigSection sources = top.section("sources");
    List<SourceSettings> enabled = new ArrayList<>();
    for (SourceSection source : SOURCES) {
      ConfigSection section = sources.section(source.key());
      boolean on = section.bool("enabled", source.enabledByDefault());
      List<? extends SourceSettings> settings = source.reader().read(section);
      section.finish();
      if (on) {
        enabled.addAll(settings);
      }
    }
    AgentConfig.DemoSettings demo = demo(sources.section("demo"));
    sources.finish();
    TlsSettings tls = TlsSettings.read(top.section("tls"), tokens.toAbsolutePath().getParent());
    RequestLimits limits = readSection(top, "limits", RequestLimits::read);
    LockoutSettings lockout = readSection(top, "auth", LockoutSettings::read);
    top.finish();
    return new AgentConfig(listen, tokens, audit, threads, enabled, demo, tls, limits, lockout);
  }

  /** Reads a whole section with its reader, refusing keys the reader did not ask for. */
  private static <T> T readSection(ConfigSection top, String key, SectionReader<T> reader)
      throws ConfigException {
    ConfigSection section = top.section(key);
    T value = reader.read(section);
    section.finish();
    return value;
  }

  /** Reads one section's keys. */
  @FunctionalInterface
  private interface SectionReader<T> {
    T read(ConfigSection section) throws ConfigException;
  }

  private static InetSocketAddress listen(ConfigSection top) throws ConfigException {
    String text = top.string("listen", "127.0.0.1:" + AgentConfig.DEFAULT_PORT);
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.isEmpty() || port < 0 || port > 65535) {
      throw top.invalid("listen", "must be HOST:PORT, e.g. 127.0.0.1:7878 or [::1]:7878");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw top.invalid("listen", "names an unknown host '" + host + "'");
    }
  }

  private static AgentConfig.DemoSettings demo(ConfigSection section) throws ConfigException {
    boolean enabled = section.bool("enabled", false);
    int sessions = section.integer("sessions", 12, 0, 100_000);
    section.finish();
    return enabled ? new AgentConfig.DemoSettings(sessions) : null;
  }
}
