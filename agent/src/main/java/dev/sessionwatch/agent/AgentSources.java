package dev.sessionwatch.agent;

import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The sources a configuration enables, in the order the agent asks them. */
public final class AgentSources {
  private AgentSources() {}

  public static List<SessionSource> create(AgentConfig config, String hostName) {
    List<SessionSource> sources = new ArrayList<>();
    for (SourceSettings settings : config.sources()) {
      sources.add(settings.newSource());
    }
    if (config.demo() != null) {
      sources.addAll(
          new DemoHost(hostName, hostName.hashCode(), Clock.systemUTC(), config.demo().sessions())
              .sources());
    }
    return sources;
  }
}
