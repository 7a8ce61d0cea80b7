package dev.sessionwatch.agent.cli;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.AgentSources;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.agent.http.AgentServer;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: the daemon. Runs until it is sent SIGTERM or SIGINT. */
@Command(name = "serve", description = "Serve the HTTP API v1 until stopped.")
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Spec CommandSpec spec;

  @Option(names = "--demo", description = "Also serve simulated demo sessions of all kinds.")
  boolean demo;

  @Override
  public Integer call() throws Exception {
    AgentConfig loaded = demo ? config.load().withDemo() : config.load();
    if (!loaded.listen().getAddress().isLoopbackAddress()) {
      throw new AgentCommand.UsageProblem(
          "listen address "
              + loaded.listen()
              + " is not a loopback address: serving beyond this host needs TLS and at least"
              + " one token, which this version cannot do yet; listen on 127.0.0.1 or ::1");
    }
    loaded.limits().applyToJdkServer();
    AgentIdentity identity = AgentIdentity.ofThisHost();
    TokenStore tokens = open(() -> TokenStore.open(loaded.tokensFile()));
    AuditLog auditLog = open(() -> AuditLog.open(loaded.auditLog()));
    SessionCatalog catalog = new SessionCatalog(AgentSources.create(loaded, identity.hostName()));
    AgentServer server =
        AgentServer.builder()
            .address(loaded.listen())
            .catalog(catalog)
            .tokens(tokens)
            .auditLog(auditLog)
            .identity(identity)
            .threads(loaded.threads())
            .limits(loaded.limits())
            .lockout(loaded.lockout())
            .build()
            .start();
    report(loaded, server, tokens, catalog);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  try {
                    auditLog.close();
                  } catch (IOException e) {
                    spec.commandLine().getErr().println("closing the audit log: " + e);
                  }
                  stopped.countDown();
                },
                "agent-shutdown"));
    stopped.await();
    return 0;
  }

  private void report(
      AgentConfig loaded, AgentServer server, TokenStore tokens, SessionCatalog catalog) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "sessionwatch-agent "
            + AgentIdentity.version()
            + " serving "
            + server.uri()
            + " (audit log "
            + loaded.auditLog()
            + ")");
    for (SourceStatus status : catalog.statuses()) {
      out.println(
          "  source "
              + status.name()
              + " ("
              + status.kind().wireName()
              + "): "
              + (status.available() ? "available" : "unavailable")
              + (status.detail() == null ? "" : ": " + status.detail()));
    }
    if (tokens.tokens().isEmpty()) {
      out.println(
          "  no tokens in "
              + loaded.tokensFile()
              + ": every request but /healthz is refused; create one with"
              + " `sessionwatch-agent token create --name NAME --role operator`");
    }
    out.flush();
  }

  private static <T> T open(IoSupplier<T> opener) throws AgentCommand.UsageProblem {
    try {
      return opener.get();
    } catch (IOException e) {
      throw new AgentCommand.UsageProblem(e.getMessage());
    }
  }

  /** Something that opens a file. */
  private interface IoSupplier<T> {
    T get() throws IOException;
  }
}
