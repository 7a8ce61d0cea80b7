package dev.sessionwatch.bench;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.http.AgentServer;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A real agent (the product's {@link AgentServer}) serving a simulated busy host over loopback, as
 * the console's demo servers are served, counting how often its sources are read.
 */
final class DemoAgent implements AutoCloseable {
  private final AgentServer server;
  private final LongAdder reads;

  private DemoAgent(AgentServer server, LongAdder reads) {
    this.server = server;
    this.reads = reads;
  }

  /**
   * @param threads the agent's request threads (the product's default is 8)
   */
  static DemoAgent start(
      String hostName, int sessions, TokenStore tokens, AuditLog auditLog, int threads)
      throws IOException {
    DemoHost host = new DemoHost(hostName, hostName.hashCode(), Clock.systemUTC(), sessions);
    LongAdder reads = new LongAdder();
    List<SessionSource> sources =
        host.sources().stream().map(source -> counted(source, reads)).toList();
    AgentServer server =
        AgentServer.builder()
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .catalog(new SessionCatalog(sources))
            .tokens(tokens)
            .auditLog(auditLog)
            .identity(AgentIdentity.ofThisHost().withHostName(hostName))
            .threads(threads)
            .build()
            .start();
    return new DemoAgent(server, reads);
  }

  URI uri() {
    return server.uri();
  }

  /** How many times the agent listed its sources (all of them at once counts once). */
  long sourceReads() {
    return reads.sum() / SessionKind.values().length;
  }

  @Override
  public void close() {
    server.close();
  }

  private static SessionSource counted(SessionSource source, LongAdder reads) {
    return new SessionSource() {
      @Override
      public String name() {
        return source.name();
      }

      @Override
      public SessionKind kind() {
        return source.kind();
      }

      @Override
      public SourceStatus status() {
        return source.status();
      }

      @Override
      public List<Session> list() throws SourceException {
        reads.increment();
        return source.list();
      }

      @Override
      public ActionResult perform(Session session, SessionAction action) throws ActionException {
        return source.perform(session, action);
      }
    };
  }
}
