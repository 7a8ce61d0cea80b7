package dev.sessionwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Who answers: this host's name, the agent's version and the operating system.
 *
 * @param hostName as the kernel knows it, so that no DNS look-up can slow the agent down
 */
public record AgentIdentity(String hostName, String agentVersion, String os) {

  public static AgentIdentity ofThisHost() {
    return new AgentIdentity(kernelHostName(), version(), osDescription());
  }

  /** The same agent and OS, under another host name (demo hosts, tests). */
  public AgentIdentity withHostName(String name) {
    return new AgentIdentity(name, agentVersion, os);
  }

  public static String version() {
    try (InputStream in = AgentIdentity.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("version.properties is part of the agent jar", e);
    }
  }

  private static String kernelHostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      String fromEnvironment = System.getenv("COMPUTERNAME");
      return fromEnvironment != null ? fromEnvironment : "localhost";
    }
  }

  private static String osDescription() {
    return System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + " "
        + System.getProperty("os.arch");
  }
}
