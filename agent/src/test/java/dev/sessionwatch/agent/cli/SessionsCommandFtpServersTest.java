package dev.sessionwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.FtpClientSession;
import dev.sessionwatch.agent.testing.ProftpdServer;
import dev.sessionwatch.agent.testing.PureFtpdServer;
import dev.sessionwatch.agent.testing.UserAccount;
import dev.sessionwatch.agent.testing.VsftpdServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sessionwatch-agent sessions --kind ftp} on a host running ProFTPD, Pure-FTPd and vsftpd at
 * once, each with a real client downloading: one row per server. Skipped where root or a server is
 * missing.
 */
class SessionsCommandFtpServersTest {

  private static final String FILE = "slow.bin";

  @TempDir Path dir;

  @Test
  void listsTheLiveSessionsOfAllThreeServers() throws Exception {
    try (ProftpdServer proftpd = ProftpdServer.start(Files.createDirectory(dir.resolve("p")));
        PureFtpdServer pureFtpd = PureFtpdServer.start(Files.createDirectory(dir.resolve("u")));
        VsftpdServer vsftpd = VsftpdServer.start(Files.createDirectory(dir.resolve("v")), true);
        UserAccount account = UserAccount.withFile(FILE, 2L * 1024 * 1024);
        FtpClientSession a = downloading(proftpd.port(), account);
        FtpClientSession b = downloading(pureFtpd.port(), account);
        FtpClientSession c = downloading(vsftpd.port(), account)) {
      Path config = dir.resolve("agent.yaml");
      Files.writeString(
          config,
          String.join(
              "\n",
              "sources:",
              "  utmp: {enabled: false}",
              "  proftpd:",
              "    ftpwho: " + proftpd.ftpwho(),
              "    scoreboardFile: " + proftpd.scoreboardFile(),
              "  pure-ftpd:",
              "    pureFtpwho: " + pureFtpd.pureFtpwho(),
              "  vsftpd:",
              "    vsftpd: " + vsftpd.vsftpd(),
              "    configFile: " + vsftpd.config(),
              ""));

      List<String> rows =
          Await.value(
              "a download row per server",
              Duration.ofSeconds(20),
              () -> {
                List<String> downloads =
                    sessions(config)
                        .lines()
                        .filter(line -> line.contains(account.user()) && line.contains(FILE))
                        .toList();
                return downloads.size() == 3 ? Optional.of(downloads) : Optional.empty();
              });

      assertThat(rows)
          .anySatisfy(row -> assertThat(row).contains(" proftpd "))
          .anySatisfy(row -> assertThat(row).contains(" pure-ftpd "))
          .anySatisfy(row -> assertThat(row).contains(" vsftpd "))
          .allSatisfy(row -> assertThat(row).contains("127.0.0.1"));
    }
  }

  private static FtpClientSession downloading(int port, UserAccount account) throws Exception {
    return FtpClientSession.downloading(port, account.user(), account.password(), FILE);
  }

  private static String sessions(Path config) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = AgentCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    commandLine.execute("sessions", "--kind", "ftp", "-c", config.toString());
    return out.toString();
  }
}
