package dev.sessionwatch.agent.cli;

import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares. */
final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Configuration file (default: /etc/sessionwatch/agent.yaml when it exists).")
  Path file;

  AgentConfig load() throws AgentCommand.UsageProblem {
    try {
      return ConfigLoader.load(file);
    } catch (ConfigException e) {
      throw new AgentCommand.UsageProblem(e.getMessage());
    }
  }
}
