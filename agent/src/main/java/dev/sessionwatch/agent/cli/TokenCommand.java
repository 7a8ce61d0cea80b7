package dev.sessionwatch.agent.cli;

import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code token create|list|revoke}: makes a token (printing its secret once), lists tokens without
 * their secrets or hashes, and revokes one.
 */
@Command(
    name = "token",
    description = "Manage the tokens consoles use.",
    subcommands = {TokenCommand.Create.class, TokenCommand.List.class, TokenCommand.Revoke.class})
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

    @Option(
        names = "--kinds",
        paramLabel = "KIND[,KIND]",
        description = "Limit the token to these session kinds: panel, ftp, terminal.")
    String kinds;

    @Option(
        names = "--actions",
        paramLabel = "ACTION[,ACTION]",
        description = "Limit an operator token to these actions: end, disconnect, logout, message.")
    String actions;

    @Override
    public Integer call() throws Exception {
      AgentConfig loaded = config.load();
      String secret;
      try {
        secret =
            TokenStore.open(loaded.tokensFile())
                .create(
                    name,
                    role,
                    parse(kinds, SessionKind.class, SessionKind::fromWire),
                    parse(actions, SessionAction.class, TokenCommand::action));
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

  @Command(
      name = "list",
      description = "List the tokens: id, name, role, limits and creation time, never a secret.")
  static final class List implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      AgentConfig loaded = config.load();
      java.util.List<Token> tokens = TokenStore.open(loaded.tokensFile()).tokens();
      PrintWriter out = spec.commandLine().getOut();
      String format = "%-12s  %-20s  %-8s  %-30s  %s%n";
      out.printf(format, "ID", "NAME", "ROLE", "LIMITS", "CREATED");
      for (Token token : tokens) {
        out.printf(
            format,
            token.id(),
            token.name(),
            token.role().wireName(),
            token.describeLimits(),
            DateTimeFormatter.ISO_INSTANT.format(token.created().truncatedTo(ChronoUnit.SECONDS)));
      }
      out.flush();
      if (tokens.isEmpty()) {
        spec.commandLine().getErr().println("No tokens in " + loaded.tokensFile() + ".");
      }
      return 0;
    }
  }

  @Command(
      name = "revoke",
      description = "Revoke a token: a running agent refuses it from the next request on.")
  static final class Revoke implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The token's id (see `token list`) or name.")
    String idOrName;

    @Override
    public Integer call() throws Exception {
      AgentConfig loaded = config.load();
      Token revoked;
      try {
        revoked = TokenStore.open(loaded.tokensFile()).revoke(idOrName);
      } catch (IllegalArgumentException e) {
        throw new AgentCommand.UsageProblem(e.getMessage());
      }
      spec.commandLine()
          .getOut()
          .println("Revoked token " + revoked.id() + " '" + revoked.name() + "'.");
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

  private static SessionAction action(String word) {
    return SessionAction.find(word)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown action '" + word + "' (expected end, disconnect or logout)"));
  }

  /** A comma-separated limit, or null when the option was not given. */
  private static <E extends Enum<E>> Set<E> parse(
      String list, Class<E> type, Function<String, E> word) {
    if (list == null) {
      return null;
    }
    Set<E> values = EnumSet.noneOf(type);
    for (String part : list.split(",", -1)) {
      values.add(word.apply(part.strip()));
    }
    return values;
  }
}
