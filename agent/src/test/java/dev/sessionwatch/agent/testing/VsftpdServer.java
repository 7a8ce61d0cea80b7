package dev.sessionwatch.agent.testing;

import dev.sessionwatch.agent.ftp.VsftpdSettings;
import dev.sessionwatch.agent.ftp.VsftpdSource;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.SessionSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real vsftpd ({@code background=NO}, in the foreground) on a free port of 127.0.0.1, logging in
 * system users and sending at {@value #RATE_BYTES} bytes/s so a transfer lasts. {@link #start}
 * skips the test when root or vsftpd is missing; {@link #close} ends the server and its session
 * processes.
 */
public final class VsftpdServer implements FtpServerUnderTest {

  public static final String PACKAGE = "vsftpd";
  public static final int RATE_BYTES = 16384;

  private static final String DAEMON = "usr/sbin/vsftpd";

  private final Path daemon;
  private final Path config;
  private final int port;
  private final Process server;

  private VsftpdServer(Path daemon, Path config, int port, Process server) {
    this.daemon = daemon;
    this.config = config;
    this.port = port;
    this.server = server;
  }

  /**
   * Starts vsftpd with its configuration in {@code dir}.
   *
   * @param processTitles whether it sets process titles ({@code setproctitle_enable})
   */
  public static VsftpdServer start(Path dir, boolean processTitles) throws Exception {
    Path daemon = ServerHost.requireProgram(PACKAGE, DAEMON);
    int port = ServerHost.freePort();
    int[] passive = ServerHost.freePortRange(20);
    // vsftpd refuses to start unless its chroot directory exists, is empty and is not writable.
    Path emptyDir = Files.createDirectory(dir.resolve("empty"));
    Path config = dir.resolve("vsftpd.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "listen=YES",
            "listen_ipv6=NO",
            "listen_address=127.0.0.1",
            "listen_port=" + port,
            "background=NO",
            "local_enable=YES",
            "anonymous_enable=NO",
            "write_enable=YES",
            "setproctitle_enable=" + (processTitles ? "YES" : "NO"),
            "pasv_address=127.0.0.1",
            "pasv_min_port=" + passive[0],
            "pasv_max_port=" + passive[1],
            "local_max_rate=" + RATE_BYTES,
            "seccomp_sandbox=NO",
            "secure_chroot_dir=" + emptyDir,
            "pam_service_name=other",
            "xferlog_enable=NO",
            ""));
    Process server =
        ServerHost.launch(
            List.of(daemon.toString(), config.toString()), port, dir.resolve("vsftpd.log"));
    return new VsftpdServer(daemon, config, port, server);
  }

  @Override
  public int port() {
    return port;
  }

  public Path vsftpd() {
    return daemon;
  }

  public Path config() {
    return config;
  }

  @Override
  public SessionSource newSource() {
    return new VsftpdSource(
        new VsftpdSettings(daemon, config, ProcessTable.DEFAULT_ROOT, Duration.ofSeconds(2)));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    ServerHost.stop(server);
  }
}
