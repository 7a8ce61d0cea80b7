package dev.sessionwatch.agent.cli;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.AgentSources;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.config.AgentConfig;
import dev.sessionwatch.agent.http.AgentServer;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.tls.AgentKeyStore;
import dev.sessionwatch.agent.tls.ServerTls;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
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
    loaded.limits().applyToJdkServer();
    AgentIdentity identity = AgentIdentity.ofThisHost();
    TokenStore tokens = open(() -> TokenStore.open(loaded.tokensFile()));
    Optional<String> exposed = ExposureCheck.problem(loaded, tokens.tokens().size());
    if (exposed.isPresent()) {
      throw new AgentCommand.UsageProblem(exposed.get());
    }
    AgentKeyStore keys = loaded.tls().enabled() ? openKeyStore(loaded, identity) : null;
    ServerTls tls = keys == null ? null : open(() -> ServerTls.of(keys, loaded.tls().clientCa()));
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
            .tls(tls)
            .limits(loaded.limits())
            .lockout(loaded.lockout())
            .build()
            .start();
    report(loaded, server, tokens, catalog);
    if (keys != null) {
      reportTls(keys, tls, loaded);
    }
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

  private void reportTls(AgentKeyStore keys, ServerTls tls, AgentConfig loaded) {
    PrintWriter out = spec.commandLine().getOut();
    if (keys.created()) {
      out.println("  created a self-signed TLS certificate in " + keys.file());
    }
    out.println("  TLS certificate SHA-256 fingerprint: " + keys.fingerprint());
    if (tls.clientCertificatesRequired()) {
      out.println("  clients must present a certificate signed by " + loaded.tls().clientCa());
    }
    out.flush();
  }

  /** The agent's TLS key store, created with a self-signed certificate when none is configured. */
  static AgentKeyStore openKeyStore(AgentConfig loaded, AgentIdentity identity)
      throws AgentCommand.UsageProblem {
    return open(
        () ->
            AgentKeyStore.openOrCreate(
                loaded.tls(), identity.hostName(), loaded.listen().getAddress()));
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
