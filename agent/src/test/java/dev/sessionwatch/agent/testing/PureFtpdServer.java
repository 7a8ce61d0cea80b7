package dev.sessionwatch.agent.testing;

import dev.sessionwatch.agent.ftp.PureFtpdSettings;
import dev.sessionwatch.agent.ftp.PureFtpdSource;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.SessionSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Pure-FTPd (in the foreground, as it runs without {@code -B}) on a free port of 127.0.0.1,
 * logging in system users ({@code -l unix}), refusing anonymous logins, and sending and receiving
 * at {@value #RATE_KIB} KiB/s per user so a transfer lasts. {@link #start} skips the test when root
 * or Pure-FTPd is missing; {@link #close} ends the server and its session processes.
 *
 * <p>pure-ftpwho reads the scoreboard compiled into it ({@code /var/run/pure-ftpd}), shared with
 * any other Pure-FTPd on the host: tests pick their sessions by their throw-away user.
 */
public final class PureFtpdServer implements FtpServerUnderTest {

  public static final String PACKAGE = "pure-ftpd";
  public static final int RATE_KIB = 16;
  public static final Path SCOREBOARD = Path.of("/var/run/pure-ftpd");

  private static final String DAEMON = "usr/sbin/pure-ftpd";
  private static final String PURE_FTPWHO = "usr/sbin/pure-ftpwho";

  private final Path pureFtpwho;
  private final int port;
  private final Process server;

  private PureFtpdServer(Path pureFtpwho, int port, Process server) {
    this.pureFtpwho = pureFtpwho;
    this.port = port;
    this.server = server;
  }

  public static PureFtpdServer start(Path dir) throws Exception {
    Path daemon = ServerHost.requireProgram(PACKAGE, DAEMON);
    Path pureFtpwho = ServerHost.requireProgram(PACKAGE, PURE_FTPWHO);
    int port = ServerHost.freePort();
    int[] passive = ServerHost.freePortRange(20);
    Process server =
        ServerHost.launch(
            List.of(
                daemon.toString(),
                "--bind",
                "127.0.0.1," + port,
                "--passiveportrange",
                passive[0] + ":" + passive[1],
                "--login",
                "unix",
                "--noanonymous",
                "--dontresolve",
                "--userbandwidth",
                Integer.toString(RATE_KIB),
                "--pidfile",
                dir.resolve("pure-ftpd.pid").toString()),
            port,
            dir.resolve("pure-ftpd.log"));
    return new PureFtpdServer(pureFtpwho, port, server);
  }

  @Override
  public int port() {
    return port;
  }

  public Path pureFtpwho() {
    return pureFtpwho;
  }

  @Override
  public SessionSource newSource() {
    return new PureFtpdSource(
        new PureFtpdSettings(
            pureFtpwho,
            SCOREBOARD,
            ProcessTable.DEFAULT_ROOT,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10)));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    ServerHost.stop(server);
  }
}
