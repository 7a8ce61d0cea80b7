package dev.sessionwatch.agent.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.agent.os.ProcessInfo;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessSnapshot;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.os.ProtectedProcessException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 for tests, with a throw-away user who logs in by key.
 *
 * <p>{@link #start} skips the calling test (a JUnit assumption) when the machine lacks root or one
 * of the programs; it creates the user, keys in the given directory, an sshd_config for a free
 * loopback port, {@code /run/utmp} and {@code /run/sshd} if missing, and runs {@code sshd -D -e} as
 * a child. {@link #close} stops every process of the server and of the user, deletes the user and
 * removes what it created. Not for parallel use: it shares {@code /run/utmp} with the host.
 *
 * <p>What OpenSSH 9.2 (Debian 12) does here, as seen by these tests: utmp's ut_pid is the {@code
 * sshd: USER [priv]} monitor; with {@code UsePAM yes}, pam_loginuid gives the monitor and all it
 * starts a new audit session ({@code /proc/PID/sessionid} 1, 2, ...; it is 4294967295, unset, for
 * everything else in this container, sshd's listener included); logins without a terminal get no
 * utmp entry; SIGTERM to the monitor still marks its entry DEAD_PROCESS.
 */
public final class SshdServer implements AutoCloseable {

  public static final Path UTMP = Path.of("/run/utmp");
  private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
  private static final Path SSHD = Path.of("/usr/sbin/sshd");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
  private static final int PORT_ATTEMPTS = 3;

  private final Path workDir;
  private final String user;
  private final Path userKey;
  private final List<SshClient> clients = new ArrayList<>();
  private boolean createdUtmp;
  private boolean createdPrivsepDir;
  private boolean createdUser;
  private Long uid;
  private Process sshd;
  private int port;
  private String configTemplate;

  private SshdServer(Path workDir) {
    this.workDir = workDir;
    this.user = "swt" + randomSuffix();
    this.userKey = workDir.resolve("user_key");
  }

  /** A server that runs PAM, so logins get an audit session from pam_loginuid. */
  public static SshdServer start(Path workDir) throws Exception {
    return start(workDir, true);
  }

  /**
   * @param usePam false runs sshd without PAM: no pam_loginuid, so no audit session
   */
  public static SshdServer start(Path workDir, boolean usePam) throws Exception {
    assumeTrue(isRoot(), "not root: the sshd tests create a user and run sshd as root");
    assumeTrue(Files.isExecutable(SSHD), "sshd is missing at " + SSHD + " (openssh-server)");
    for (String program : List.of("ssh", "ssh-keygen", "useradd", "userdel", "install")) {
      assumeTrue(executable(program).isPresent(), program + " is missing from the PATH");
    }
    SshdServer server = new SshdServer(workDir);
    try {
      server.prepare(usePam);
      server.startSshd();
      return server;
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  public String user() {
    return user;
  }

  public long uid() {
    return uid;
  }

  public int port() {
    return port;
  }

  public Path utmpFile() {
    return UTMP;
  }

  /** The sshd listener's PID. */
  public long pid() {
    return sshd.pid();
  }

  /**
   * Logs in with {@code ssh} as the test user and runs the command (through the user's shell, as
   * ssh does).
   *
   * @param terminal true for {@code ssh -tt} (a pty, recorded in utmp), false for {@code ssh -T}
   */
  public SshClient login(boolean terminal, String remoteCommand) throws IOException {
    List<String> command =
        List.of(
            executable("ssh").orElseThrow().toString(),
            terminal ? "-tt" : "-T",
            "-F",
            "/dev/null",
            "-i",
            userKey.toString(),
            "-p",
            Integer.toString(port),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "ConnectTimeout=10",
            user + "@127.0.0.1",
            remoteCommand);
    SshClient client =
        new SshClient(command, workDir.resolve("ssh-" + (clients.size() + 1) + ".log"));
    clients.add(client);
    return client;
  }

  private void prepare(boolean usePam) throws Exception {
    if (!Files.exists(UTMP)) {
      // What a distribution's tmpfiles.d does at boot; sshd then records logins there.
      run("install", "-m0664", "-o", "root", "-g", "utmp", "/dev/null", UTMP.toString());
      createdUtmp = true;
    }
    if (!Files.isDirectory(PRIVSEP_DIR)) {
      Files.createDirectories(PRIVSEP_DIR); // Debian's sshd refuses to start without it
      createdPrivsepDir = true;
    }
    // "*" instead of useradd's locked "!": without PAM, sshd refuses locked accounts.
    run("useradd", "--create-home", "--shell", "/bin/bash", "--password", "*", user);
    createdUser = true;
    uid = ((Number) Files.getAttribute(Path.of("/home", user), "unix:uid")).longValue();
    Path hostKey = workDir.resolve("host_key");
    run(
        "ssh-keygen",
        "-q",
        "-t",
        "ed25519",
        "-N",
        "",
        "-C",
        "sessionwatch-test",
        "-f",
        hostKey.toString());
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", user, "-f", userKey.toString());
    // sshd reads the authorized keys as the user, who must reach them.
    Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        workDir.resolve("user_key.pub"), PosixFilePermissions.fromString("rw-r--r--"));
    configTemplate =
        String.join(
            "\n",
            "ListenAddress 127.0.0.1",
            "Port PORT",
            "HostKey " + hostKey,
            "PidFile none",
            "UsePAM " + (usePam ? "yes" : "no"),
            "StrictModes no",
            "AuthorizedKeysFile " + workDir.resolve("user_key.pub"),
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PrintMotd no",
            "AllowUsers " + user,
            "");
  }

  private void startSshd() throws Exception {
    for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      port = freePort();
      Path file = workDir.resolve("sshd_config." + port);
      Files.writeString(file, configTemplate.replace("Port PORT", "Port " + port));
      Path log = workDir.resolve("sshd-" + port + ".log");
      sshd =
          new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", file.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      String listening = "Server listening on 127.0.0.1 port " + port;
      Await.until(
          "sshd to listen or exit",
          STARTUP_TIMEOUT,
          () -> !sshd.isAlive() || Files.readString(log).contains(listening));
      if (sshd.isAlive()) {
        return;
      }
      String output = Files.readString(log);
      if (!output.contains("Address already in use")) {
        throw new IllegalStateException("sshd did not start:\n" + output);
      }
    }
    throw new IllegalStateException("sshd found no free port in " + PORT_ATTEMPTS + " attempts");
  }

  /** Stops everything this server started and removes the user and what it created. */
  @Override
  public void close() throws IOException {
    List<Exception> failures = new ArrayList<>();
    for (SshClient client : clients) {
      client.close();
    }
    try {
      endServerAndUserProcesses();
    } catch (IOException | RuntimeException e) {
      failures.add(e);
    }
    if (sshd != null) {
      sshd.destroyForcibly();
      try {
        sshd.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (createdUser) {
      try {
        run("userdel", "--force", "--remove", user);
      } catch (IOException | RuntimeException e) {
        failures.add(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(e);
      }
    }
    if (createdUtmp) {
      Files.deleteIfExists(UTMP);
    }
    if (createdPrivsepDir) {
      Files.deleteIfExists(PRIVSEP_DIR);
    }
    if (!failures.isEmpty()) {
      IllegalStateException failure = new IllegalStateException("cleaning up after sshd failed");
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
  }

  private void endServerAndUserProcesses() throws IOException {
    ProcessTable table = new ProcessTable(ProcessTable.DEFAULT_ROOT);
    ProcessSnapshot snapshot = table.snapshot();
    Set<ProcessIdentity> targets = new LinkedHashSet<>();
    if (sshd != null) {
      // Logins outlive the listener: their monitors are its children, end them first.
      snapshot
          .find(sshd.pid())
          .ifPresent(
              listener -> snapshot.descendants(listener).forEach(p -> targets.add(p.identity())));
    }
    if (uid != null) {
      snapshot.all().stream()
          .filter(process -> process.uid() == uid && !process.isZombie())
          .map(ProcessInfo::identity)
          .forEach(targets::add);
    }
    try {
      new ProcessSignaller(table, Duration.ofSeconds(1)).end(targets);
    } catch (ProtectedProcessException e) {
      throw new IllegalStateException("a test server's processes include the test's own", e);
    }
  }

  private void run(String... command) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of(command));
    arguments.set(0, executable(command[0]).orElseThrow().toString());
    Path output = Files.createTempFile(workDir, "command", ".log");
    Process process =
        new ProcessBuilder(arguments)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " failed with "
              + process.exitValue()
              + ": "
              + Files.readString(output));
    }
  }

  private static Optional<Path> executable(String program) {
    List<String> dirs =
        new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
    return dirs.stream()
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static boolean isRoot() {
    return new ProcessTable(ProcessTable.DEFAULT_ROOT)
        .read(ProcessHandle.current().pid())
        .map(self -> self.uid() == 0)
        .orElse(false);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static String randomSuffix() {
    SecureRandom random = new SecureRandom();
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      suffix.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
    }
    return suffix.toString();
  }
}
