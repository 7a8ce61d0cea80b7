package dev.sessionwatch.agent.config;

import dev.sessionwatch.agent.auth.LockoutSettings;
import dev.sessionwatch.agent.http.RequestLimits;
import dev.sessionwatch.agent.source.SourceSettings;
import dev.sessionwatch.agent.tls.TlsSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the agent is configured with, validated: see docs/agent.md for the file format.
 *
 * @param sources the enabled sources' settings, in the order the agent asks them
 * @param demo the demo sources' settings, or null when they are disabled (the default)
 * @param tls whether and how the agent serves HTTPS
 * @param limits how much one request may ask (section {@code limits})
 * @param lockout when repeated wrong tokens lock an address out (section {@code auth})
 */
public record AgentConfig(
    InetSocketAddress listen,
    Path tokensFile,
    Path auditLog,
    int threads,
    List<SourceSettings> sources,
    DemoSettings demo,
    TlsSettings tls,
    RequestLimits limits,
    LockoutSettings lockout) {

  public static final int DEFAULT_PORT = 7878;

  public AgentConfig {
    sources = List.copyOf(sources);
  }

  /**
   * How many simulated sessions each demo host keeps.
   *
   * @param sessions the number of sessions the simulation hovers around
   */
  public record DemoSettings(int sessions) {}

  /** The settings of the enabled source of this type; empty when it is disabled. */
  public <T extends SourceSettings> Optional<T> source(Class<T> type) {
    return sources.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The same configuration with the demo sources on, as {@code --demo} asks. */
  public AgentConfig withDemo() {
    return new AgentConfig(
        listen,
        tokensFile,
        auditLog,
        threads,
        sources,
        demo != null ? demo : new DemoSettings(12),
        tls,
        limits,
        lockout);
  }
}
