package dev.sessionwatch.agent.cli;

import dev.sessionwatch.agent.AgentIdentity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** {@code sessionwatch-agent}: the host agent's command line. */
@Command(
    name = "sessionwatch-agent",
    mixinStandardHelpOptions = true,
    // --help (and --version) on every subcommand too: `serve --help` is what an operator tries.
    scope = ScopeType.INHERIT,
    versionProvider = AgentCommand.Version.class,
    description = "Serves this host's panel, FTP and terminal sessions to Sessionwatch consoles.",
    subcommands = {
      ServeCommand.class,
      SessionsCommand.class,
      TokenCommand.class,
      FingerprintCommand.class
    })
public final class AgentCommand {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its error handling; tests run it without exiting the JVM. */
  static CommandLine commandLine() {
    return new CommandLine(new AgentCommand())
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              commandLine.getErr().println("sessionwatch-agent: " + e.getMessage());
              return e instanceof UsageProblem ? 2 : 1;
            });
  }

  /** Prints the version from the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sessionwatch-agent " + AgentIdentity.version()};
    }
  }

  /** A problem the user can fix: bad configuration or arguments (exit status 2). */
  static final class UsageProblem extends Exception {
    UsageProblem(String message) {
      super(message);
    }
  }
}
