package dev.sessionwatch.agent.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionwatch.agent.os.CommandRunner;
import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.agent.os.ProcessInfo;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessSnapshot;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.os.ProtectedProcessException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the FTP server fixtures need from the machine: root, the servers' programs, free loopback
 * ports, and commands run without a shell.
 *
 * <p>The FTP server packages conflict, so CI installs one and unpacks the others ({@code
 * .ci/ftp-servers}) into the folder named by the system property {@value #LOCATION_PROPERTY} (set
 * in agent/pom.xml; default {@value #DEFAULT_LOCATION}), one sub-folder per package. A program is
 * looked for there first ({@code FOLDER/PACKAGE/usr/sbin/pure-ftpd}), then where its installed
 * package puts it ({@code /usr/sbin/pure-ftpd}).
 */
public final class ServerHost {

  public static final String LOCATION_PROPERTY = "sessionwatch.test.ftpServers";
  public static final String DEFAULT_LOCATION = "/opt/sessionwatch-test/ftp";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
  private static final CommandRunner COMMANDS = new CommandRunner(Duration.ofSeconds(30), 65536);

  private ServerHost() {}

  /**
   * A program of a server package, unpacked or installed; skips the calling test when it is
   * missing, or when the test does not run as root.
   *
   * @param file its path inside the package, e.g. {@code usr/sbin/proftpd}
   */
  public static Path requireProgram(String packageName, String file) {
    assumeTrue(isRoot(), "not root: the FTP server tests create users and run servers as root");
    Path unpacked =
        Path.of(System.getProperty(LOCATION_PROPERTY, DEFAULT_LOCATION), packageName, file);
    Path installed = Path.of("/", file);
    Path found = Files.isExecutable(unpacked) ? unpacked : installed;
    assumeTrue(
        Files.isExecutable(found),
        "/" + file + " is missing (package " + packageName + "; run .ci/ftp-servers as root)");
    return found;
  }

  /** The package folder a program was found in: the unpacked one, or {@code /}. */
  public static Path packageRoot(Path program, String file) {
    Path root = program;
    for (int i = 0; i < Path.of(file).getNameCount(); i++) {
      root = root.getParent();
    }
    return root;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** A range of {@code count} ports that were free a moment ago, for passive data connections. */
  public static int[] freePortRange(int count) throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      int first = 20000 + (int) (Math.random() * 40000);
      boolean allFree = true;
      for (int port = first; port < first + count && allFree; port++) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
          socket.getLocalPort();
        } catch (IOException e) {
          allFree = false;
        }
      }
      if (allFree) {
        return new int[] {first, first + count - 1};
      }
    }
    throw new IOException("found no " + count + " free ports in a row on 127.0.0.1");
  }

  /** Runs a command and fails unless it exits with 0. */
  public static String run(String... command) throws IOException, InterruptedException {
    CommandRunner.Result result = COMMANDS.run(List.of(command));
    if (result.exitStatus() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " failed with "
              + result.exitStatus()
              + ": "
              + result.errorText());
    }
    return new String(result.stdout(), StandardCharsets.UTF_8);
  }

  /**
   * Starts a server in the foreground, its output going to {@code log}, and waits until it accepts
   * connections on the loopback port; stops it again when it does not.
   */
  public static Process launch(List<String> command, int port, Path log) throws Exception {
    Process server =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      awaitListening(server, port, log);
      return server;
    } catch (Exception | Error e) {
      stop(server);
      throw e;
    }
  }

  /** Waits until something accepts connections on the loopback port, or the process ended. */
  private static void awaitListening(Process server, int port, Path log) throws Exception {
    Await.until(
        "a server on 127.0.0.1:" + port,
        STARTUP_TIMEOUT,
        () -> {
          if (!server.isAlive()) {
            throw new IOException(
                "the server exited with " + server.exitValue() + ": " + Files.readString(log));
          }
          try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            return true;
          } catch (IOException e) {
            return false;
          }
        });
  }

  /**
   * Stops a server started as a child process: first its session processes (and their helpers),
   * which outlive the listener, then the listener itself.
   */
  public static void stop(Process server) throws IOException, InterruptedException {
    ProcessTable table = new ProcessTable(ProcessTable.DEFAULT_ROOT);
    ProcessSnapshot snapshot = table.snapshot();
    List<ProcessIdentity> sessions =
        snapshot
            .find(server.pid())
            .map(listener -> snapshot.descendants(listener).stream())
            .orElseGet(Stream::empty)
            .map(ProcessInfo::identity)
            .toList();
    try {
      new ProcessSignaller(table, Duration.ofSeconds(1)).end(sessions);
    } catch (ProtectedProcessException e) {
      throw new IllegalStateException("a test server's processes include the test's own", e);
    }
    server.destroy();
    if (!server.waitFor(10, TimeUnit.SECONDS)) {
      server.destroyForcibly();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Whether the tests run as root, as every test that starts a real server must. */
  public static boolean isRoot() {
    return new ProcessTable(ProcessTable.DEFAULT_ROOT)
        .read(ProcessHandle.current().pid())
        .map(self -> self.uid() == 0)
        .orElse(false);
  }
}
