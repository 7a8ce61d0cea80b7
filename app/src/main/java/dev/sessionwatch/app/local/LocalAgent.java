package dev.sessionwatch.app.local;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.AgentSources;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.config.ConfigException;
import dev.sessionwatch.agent.config.ConfigLoader;
import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.http.AgentServer;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.app.agent.AgentEndpoint;
import dev.sessionwatch.app.fleet.WatchedHost;
import dev.sessionwatch.protocol.Role;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * An agent inside the console process, so that with no server configured the console watches this
 * computer. It listens on 127.0.0.1 on a free port, and only the console knows its token: an
 * operator token made in memory for this run and never written anywhere.
 *
 * <p>The console talks to it over HTTP like to any other agent, so this computer is just one more
 * host of the fleet.
 */
public final class LocalAgent implements AutoCloseable {
  private final AgentServer server;
  private final AuditLog auditLog;
  private final WatchedHost host;
  private final Path temporaryDirectory;

  private LocalAgent(
      AgentServer server, AuditLog auditLog, WatchedHost host, Path temporaryDirectory) {
    this.server = server;
    this.auditLog = auditLog;
    this.host = host;
    this.temporaryDirectory = temporaryDirectory;
  }

  /**
   * Watches this computer with the sources an agent enables by default, auditing actions to {@code
   * auditLog}.
   */
  public static LocalAgent forThisComputer(Path auditLog) throws IOException {
    String hostName = AgentIdentity.ofThisHost().hostName();
    return start(hostName, defaultSources(hostName), auditLog);
  }

  /**
   * Watches a simulated busy host named {@code hostName}, whose actions are audited to a temporary
   * file removed on {@link #close}: nothing real happens there.
   */
  public static LocalAgent demo(String hostName) throws IOException {
    Path directory = Files.createTempDirectory("sessionwatch-demo-");
    DemoHost demoHost = new DemoHost(hostName, hostName.hashCode(), Clock.systemUTC());
    try {
      return start(
          demoHost.hostName(),
          demoHost.sources(),
          directory.resolve("audit.log"),
          Role.OPERATOR,
          directory,
          true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(directory.resolve("audit.log"));
      Files.deleteIfExists(directory);
      throw e;
    }
  }

  /** Serves {@code sources} as host {@code hostName} on a free loopback port. */
  public static LocalAgent start(String hostName, List<SessionSource> sources, Path auditLogFile)
      throws IOException {
    return start(hostName, sources, auditLogFile, Role.OPERATOR, null, false);
  }

  /**
   * Serves {@code sources} as host {@code hostName} on a free loopback port to a token of {@code
   * role}: a viewer token sees the sessions but may not act on them.
   */
  public static LocalAgent start(
      String hostName, List<SessionSource> sources, Path auditLogFile, Role role)
      throws IOException {
    return start(hostName, sources, auditLogFile, role, null, false);
  }

  /**
   * @param temporaryDirectory removed on close, with the audit log in it; null to keep the log
   */
  private static LocalAgent start(
      String hostName,
      List<SessionSource> sources,
      Path auditLogFile,
      Role role,
      Path temporaryDirectory,
      boolean demo)
      throws IOException {
    TokenStore tokens = TokenStore.inMemory();
    String token = tokens.create("console", role);
    AuditLog auditLog = AuditLog.open(auditLogFile);
    try {
      AgentServer server =
          AgentServer.builder()
              .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .catalog(new SessionCatalog(sources))
              .tokens(tokens)
              .auditLog(auditLog)
              .identity(AgentIdentity.ofThisHost().withHostName(hostName))
              .build()
              .start();
      return new LocalAgent(
          server,
          auditLog,
          new WatchedHost(hostName, new AgentEndpoint(server.uri(), token), demo),
          temporaryDirectory);
    } catch (IOException | RuntimeException e) {
      auditLog.close();
      throw e;
    }
  }

  /**
   * Where the console keeps the embedded agent's audit log: {@code $XDG_STATE_HOME/sessionwatch},
   * by default {@code ~/.local/state/sessionwatch}.
   */
  public static Path defaultAuditLog(Map<String, String> environment, Path home) {
    String stateHome = environment.get("XDG_STATE_HOME");
    Path base =
        stateHome != null && Path.of(stateHome).isAbsolute()
            ? Path.of(stateHome)
            : home.resolve(".local").resolve("state");
    return base.resolve("sessionwatch").resolve("local-agent-audit.log");
  }

  /** The host as the console watches it: its name, address and token. */
  public WatchedHost host() {
    return host;
  }

  /** Where the actions taken through this agent are recorded. */
  public Path auditLogFile() {
    return auditLog.file();
  }

  @Override
  public void close() {
    server.close();
    try {
      auditLog.close();
      if (temporaryDirectory != null) {
        Files.deleteIfExists(auditLog.file());
        Files.deleteIfExists(temporaryDirectory);
      }
    } catch (IOException e) {
      System.getLogger(LocalAgent.class.getName())
          .log(System.Logger.Level.WARNING, "could not close the embedded agent's audit log", e);
    }
  }

  /** What an agent with no configuration file serves: every source that is on by default. */
  private static List<SessionSource> defaultSources(String hostName) {
    try {
      return AgentSources.create(ConfigLoader.parse(""), hostName);
    } catch (ConfigException e) {
      throw new IllegalStateException("the agent's defaults are valid", e);
    }
  }
}
