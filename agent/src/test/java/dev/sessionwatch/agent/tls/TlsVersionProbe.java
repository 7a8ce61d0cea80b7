package dev.sessionwatch.agent.tls;

import dev.sessionwatch.agent.AgentIdentity;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.agent.http.AgentServer;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.testing.TlsHandshake;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Run in a JVM of its own, whose security settings may allow old TLS versions: shakes hands with a
 * plain JSSE server (the control: what this JVM allows) and with the agent's HTTPS server, once per
 * version given, and prints one line for each: {@code control TLSv1.1 accepted}, {@code agent
 * TLSv1.1 refused: ...}.
 *
 * <p>Arguments: the key store, its password file, an audit log file, then the versions.
 */
public final class TlsVersionProbe {
  private TlsVersionProbe() {}

  public static void main(String[] args) throws Exception {
    AgentKeyStore keys = AgentKeyStore.open(Path.of(args[0]), Path.of(args[1]));
    SSLContext client = TlsHandshake.trusting(keys.certificate());
    List<String> versions = List.of(args).subList(3, args.length);
    for (String version : versions) {
      try (SSLServerSocket control = controlServer(keys)) {
        Thread accepting = new Thread(() -> answerOnce(control), "control-server");
        accepting.setDaemon(true);
        accepting.start();
        System.out.println("control " + version + " " + handshake(control, client, version));
      }
    }
    try (AuditLog auditLog = AuditLog.open(Path.of(args[2]));
        AgentServer agent =
            AgentServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .catalog(new SessionCatalog(List.of()))
                .tokens(TokenStore.inMemory())
                .auditLog(auditLog)
                .identity(new AgentIdentity("probe", "test", "Linux"))
                .tls(ServerTls.of(keys, null))
                .build()
                .start()) {
      for (String version : versions) {
        System.out.println("agent " + version + " " + handshake(agent.address(), client, version));
      }
    }
  }

  private static SSLServerSocket controlServer(AgentKeyStore keys) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.keyManagers(), null, null);
    return (SSLServerSocket)
        context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  private static void answerOnce(SSLServerSocket server) {
    try (SSLSocket socket = (SSLSocket) server.accept()) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      out.write('x');
      out.flush();
    } catch (IOException e) {
      // The client hears of it: its handshake fails.
    }
  }

  private static String handshake(SSLServerSocket server, SSLContext client, String version) {
    return handshake(
        new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), client, version);
  }

  private static String handshake(InetSocketAddress address, SSLContext client, String version) {
    try {
      return "accepted as " + TlsHandshake.with(address, client, version).getProtocol();
    } catch (IOException e) {
      return "refused: " + e;
    }
  }
}
