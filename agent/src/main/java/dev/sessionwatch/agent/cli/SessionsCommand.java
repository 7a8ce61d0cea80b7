package dev.sessionwatch.agent.cli;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.AgentSources;
import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.SessionKind;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sessions}: this host's sessions in a table, the quickest check that the sources work. */
@Command(
    name = "sessions",
    description = "Print this host's sessions of all three kinds, like `who` for every door.")
final class SessionsCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Option(names = "--demo", description = "Also list simulated demo sessions.")
  boolean demo;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Only this kind: panel, ftp or terminal.",
      converter = KindConverter.class)
  SessionKind kind;

  @Override
  public Integer call() throws Exception {
    AgentConfig loaded = demo ? config.load().withDemo() : config.load();
    SessionCatalog catalog =
        new SessionCatalog(AgentSources.create(loaded, AgentIdentity.ofThisHost().hostName()));
    Set<SessionKind> kinds = kind == null ? EnumSet.allOf(SessionKind.class) : EnumSet.of(kind);
    SessionCatalog.Collected collected = catalog.collect(kinds);
    spec.commandLine()
        .getOut()
        .print(
            SessionTable.format(
                collected,
                catalog.statuses().stream().filter(s -> kinds.contains(s.kind())).toList()));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Reads panel, ftp or terminal. */
  static final class KindConverter implements picocli.CommandLine.ITypeConverter<SessionKind> {
    @Override
    public SessionKind convert(String value) {
      return SessionKind.fromWire(value);
    }
  }
}
