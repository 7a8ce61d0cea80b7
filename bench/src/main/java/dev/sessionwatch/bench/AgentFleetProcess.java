package dev.sessionwatch.bench;

import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.protocol.Role;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs in its own JVM, started by {@link EngineRun}, so that the agents' work is not counted as the
 * console's: {@code args[0]} agents, each serving a simulated host of {@code args[1]} sessions on
 * its own loopback port. Prints {@code TOKEN token}, one {@code AGENT name uri} line each, then
 * {@code READY}; then answers each {@link #COMPILED} line with the milliseconds it has spent
 * compiling so far, and ends when its input ends.
 */
public final class AgentFleetProcess {
  static final String COMPILED = "compiled";

  private AgentFleetProcess() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    int sessions = Integer.parseInt(args[1]);
    Path directory = Files.createTempDirectory("sessionwatch-bench-");
    TokenStore tokens = TokenStore.inMemory();
    System.out.println("TOKEN " + tokens.create("bench", Role.VIEWER));
    List<DemoAgent> agents = new ArrayList<>();
    try (AuditLog auditLog = AuditLog.open(directory.resolve("audit.log"))) {
      for (int index = 1; index <= count; index++) {
        String name = "srv%03d".formatted(index);
        DemoAgent agent = DemoAgent.start(name, sessions, tokens, auditLog, 2);
        agents.add(agent);
        System.out.println("AGENT " + name + " " + agent.uri());
      }
      System.out.println("READY");
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals(COMPILED)) {
          System.out.println(WarmUp.compiledHere());
        }
      }
    } finally {
      agents.forEach(DemoAgent::close);
      Files.deleteIfExists(directory.resolve("audit.log"));
      Files.deleteIfExists(directory);
    }
  }
}
