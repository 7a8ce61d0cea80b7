package dev.sessionwatch.agent.cli;

import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.protocol.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code token create}: makes a token, stores its hash and prints the secret once. */
@Command(
    name = "token",
    description = "Manage the tokens consoles use.",
    subcommands = {TokenCommand.Create.class})
final class TokenCommand {

  @Command(name = "create", description = "Create a token; its secret is printed once only.")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, description = "A name for the token's holder.")
    String name;

    @Option(
        names = "--role",
        required = true,
        description = "viewer (may read) or operator (may also end sessions).",
        converter = RoleConverter.class)
    Role role;

    @Override
    public Integer call() throws Exception {
      AgentConfig loaded = config.load();
      String secret;
      try {
        secret = TokenStore.open(loaded.tokensFile()).create(name, role);
      } catch (IllegalArgumentException e) {
        throw new AgentCommand.UsageProblem(e.getMessage());
      } catch (IOException e) {
        throw new IOException(
            "cannot store the token in " + loaded.tokensFile() + ": " + e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(secret);
      out.flush();
      spec.commandLine()
          .getErr()
          .println(
              "Created "
                  + role.wireName()
                  + " token '"
                  + name
                  + "' in "
                  + loaded.tokensFile()
                  + ". Copy it now: it is not shown again.");
      return 0;
    }
  }

  /** Reads viewer or operator. */
  static final class RoleConverter implements picocli.CommandLine.ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
      return Role.fromWire(value);
    }
  }
}
