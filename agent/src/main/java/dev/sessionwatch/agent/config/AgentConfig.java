package dev.sessionwatch.agent.config;

import dev.sessionwatch.agent.ftp.ProftpdSettings;
import dev.sessionwatch.agent.ftp.PureFtpdSettings;
import dev.sessionwatch.agent.terminal.UtmpSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Everything the agent is configured with, validated: see docs/agent.md for the file format.
 *
 * @param utmp the terminal source's settings, or null when it is disabled
 * @param proftpd the ProFTPD source's settings, or null when it is disabled
 * @param pureFtpd the Pure-FTPd source's settings, or null when it is disabled
 * @param demo the demo sources' settings, or null when they are disabled (the default)
 */
public record AgentConfig(
    InetSocketAddress listen,
    Path tokensFile,
    Path auditLog,
    int threads,
    UtmpSettings utmp,
    ProftpdSettings proftpd,
    PureFtpdSettings pureFtpd,
    DemoSettings demo) {

  public static final int DEFAULT_PORT = 7878;

  /**
   * How many simulated sessions each demo host keeps.
   *
   * @param sessions the number of sessions the simulation hovers around
   */
  public record DemoSettings(int sessions) {}

  /** The same configuration with the demo sources on, as {@code --demo} asks. */
  public AgentConfig withDemo() {
    return new AgentConfig(
        listen,
        tokensFile,
        auditLog,
        threads,
        utmp,
        proftpd,
        pureFtpd,
        demo != null ? demo : new DemoSettings(12));
  }
}
