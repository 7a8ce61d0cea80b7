package dev.sessionwatch.agent.testing;

import dev.sessionwatch.agent.ftp.ProftpdSettings;
import dev.sessionwatch.agent.ftp.ProftpdSource;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.SessionSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real ProFTPD ({@code proftpd -n}, in the foreground) on a free port of 127.0.0.1, with its own
 * configuration and scoreboard in a test folder, sending downloads at {@value #RATE_KIB} KiB/s so a
 * transfer lasts. {@link #start} skips the test when root or ProFTPD is missing; {@link #close}
 * ends the server and its session processes.
 *
 * <p>The configuration turns sendfile off: with it (Debian's default) the scoreboard's progress
 * stays at 0 for the whole download.
 */
public final class ProftpdServer implements FtpServerUnderTest {

  public static final String PACKAGE = "proftpd-core";
  public static final int RATE_KIB = 16;

  private static final String DAEMON = "usr/sbin/proftpd";
  private static final String FTPWHO = "usr/bin/ftpwho";

  private final Path dir;
  private final Path ftpwho;
  private final int port;
  private final Process server;

  private ProftpdServer(Path dir, Path ftpwho, int port, Process server) {
    this.dir = dir;
    this.ftpwho = ftpwho;
    this.port = port;
    this.server = server;
  }

  public static ProftpdServer start(Path dir) throws Exception {
    Path daemon = ServerHost.requireProgram(PACKAGE, DAEMON);
    Path ftpwho = ServerHost.requireProgram(PACKAGE, FTPWHO);
    Path modules = ServerHost.packageRoot(daemon, DAEMON).resolve("usr/lib/proftpd");
    int port = ServerHost.freePort();
    int[] passive = ServerHost.freePortRange(20);
    Path config = dir.resolve("proftpd.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "ServerType standalone",
            "ServerName \"sessionwatch test\"",
            "DefaultAddress 127.0.0.1",
            "Port " + port,
            "PassivePorts " + passive[0] + " " + passive[1],
            "UseIPv6 off",
            "ModulePath " + modules,
            "User nobody",
            "Group nogroup",
            "ScoreboardFile " + dir.resolve("proftpd.scoreboard"),
            "PidFile " + dir.resolve("proftpd.pid"),
            "DelayTable none",
            "WtmpLog off",
            "RequireValidShell off",
            "UseFtpUsers off",
            "UseReverseDNS off",
            "UseSendfile off",
            "AuthOrder mod_auth_unix.c",
            "TransferLog none",
            "TransferRate RETR " + RATE_KIB,
            ""));
    Process server =
        ServerHost.launch(
            List.of(daemon.toString(), "-n", "-c", config.toString()),
            port,
            dir.resolve("proftpd.log"));
    return new ProftpdServer(dir, ftpwho, port, server);
  }

  @Override
  public int port() {
    return port;
  }

  public Path ftpwho() {
    return ftpwho;
  }

  public Path scoreboardFile() {
    return dir.resolve("proftpd.scoreboard");
  }

  @Override
  public SessionSource newSource() {
    return new ProftpdSource(
        new ProftpdSettings(
            ftpwho,
            scoreboardFile(),
            ProcessTable.DEFAULT_ROOT,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10)));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    ServerHost.stop(server);
  }
}
