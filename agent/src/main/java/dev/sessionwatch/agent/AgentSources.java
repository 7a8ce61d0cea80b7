package dev.sessionwatch.agent;

import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.ftp.ProftpdSource;
import dev.sessionwatch.agent.ftp.PureFtpdSource;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.terminal.UtmpSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The sources a configuration enables, in the order the agent asks them. */
public final class AgentSources {
  private AgentSources() {}

  public static List<SessionSource> create(AgentConfig config, String hostName) {
    List<SessionSource> sources = new ArrayList<>();
    if (config.utmp() != null) {
      sources.add(new UtmpSource(config.utmp()));
    }
    if (config.proftpd() != null) {
      sources.add(new ProftpdSource(config.proftpd()));
    }
    if (config.pureFtpd() != null) {
      sources.add(new PureFtpdSource(config.pureFtpd()));
    }
    if (config.demo() != null) {
      sources.addAll(
          new DemoHost(hostName, hostName.hashCode(), Clock.systemUTC(), config.demo().sessions())
              .sources());
    }
    return sources;
  }
}
