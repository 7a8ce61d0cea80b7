package dev.sessionwatch.bench;

import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.TokenStore;
import dev.sessionwatch.protocol.Role;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in its own JVM, started by {@link AgentMemoryRun} with a small heap: one agent serving a
 * simulated host of {@code args[0]} sessions. Prints {@code READY uri token}; answers each {@code
 * HEAP} line with the heap in use after a full collection; ends when its input ends.
 */
public final class AgentMemoryProbe {
  private AgentMemoryProbe() {}

  public static void main(String[] args) throws Exception {
    int sessions = Integer.parseInt(args[0]);
    Path directory = Files.createTempDirectory("sessionwatch-bench-");
    TokenStore tokens = TokenStore.inMemory();
    String token = tokens.create("bench", Role.VIEWER);
    try (AuditLog auditLog = AuditLog.open(directory.resolve("audit.log"));
        DemoAgent agent = DemoAgent.start("memory-bench", sessions, tokens, auditLog, 8)) {
      System.out.println("READY " + agent.uri() + " " + token);
      BufferedReader commands =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = commands.readLine(); line != null; line = commands.readLine()) {
        if (line.equals("HEAP")) {
          System.out.println("HEAP " + heapAfterCollection());
        }
      }
    } finally {
      Files.deleteIfExists(directory.resolve("audit.log"));
      Files.deleteIfExists(directory);
    }
  }

  /** Bytes of heap in use after two full collections: what the process holds, not its garbage. */
  static long heapAfterCollection() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
