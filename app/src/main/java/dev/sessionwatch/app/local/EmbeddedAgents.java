package dev.sessionwatch.app.local;

import dev.sessionwatch.app.fleet.WatchedHost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The agents the console runs inside itself, each started when first needed: one for this computer
 * (watched while no server is configured) and the demo servers (web01, web02, mail01), so a new
 * user can try every action where nothing real happens. Blocking: use it off the FX thread.
 */
public final class EmbeddedAgents implements AutoCloseable {
  public static final List<String> DEMO_HOST_NAMES = List.of("web01", "web02", "mail01");

  /** Starts the agent for this computer; a test starts one on a simulated host. */
  @FunctionalInterface
  public interface Starter {
    LocalAgent start() throws IOException;
  }

  private final Starter thisComputerStarter;
  private LocalAgent thisComputer;
  private final List<LocalAgent> demo = new ArrayList<>();

  public EmbeddedAgents(Starter thisComputerStarter) {
    this.thisComputerStarter = Objects.requireNonNull(thisComputerStarter, "thisComputerStarter");
  }

  /** This computer, its agent started on the first call. */
  public synchronized WatchedHost thisComputer() throws IOException {
    if (thisComputer == null) {
      thisComputer = thisComputerStarter.start();
    }
    return thisComputer.host();
  }

  /** The demo servers, their agents started on the first call after {@link #stopDemo}. */
  public synchronized List<WatchedHost> startDemo() throws IOException {
    if (demo.isEmpty()) {
      try {
        for (String name : DEMO_HOST_NAMES) {
          demo.add(LocalAgent.demo(name));
        }
      } catch (IOException | RuntimeException e) {
        stopDemo();
        throw e;
      }
    }
    return demo.stream().map(LocalAgent::host).toList();
  }

  /** Stops the demo servers' agents. */
  public synchronized void stopDemo() {
    demo.forEach(LocalAgent::close);
    demo.clear();
  }

  @Override
  public synchronized void close() {
    stopDemo();
    if (thisComputer != null) {
      thisComputer.close();
      thisComputer = null;
    }
  }
}
