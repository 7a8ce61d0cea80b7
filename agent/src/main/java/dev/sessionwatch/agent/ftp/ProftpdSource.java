package dev.sessionwatch.agent.ftp;

import dev.sessionwatch.agent.os.BootTime;
import dev.sessionwatch.agent.os.ProcStat;
import dev.sessionwatch.agent.source.ListedProcess;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SourceStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * ProFTPD's sessions, from its scoreboard through {@code ftpwho -f SCOREBOARD -o json}.
 *
 * <p>Each session is one {@code proftpd} process, forked for the connection; its id is {@code
 * proftpd:PID-STARTTICKS}. A scoreboard entry counts only while its PID is a {@code proftpd}
 * process that started no later than a minute after the connection did, so an entry left behind by
 * a killed session never names a later process with the same PID.
 *
 * <p>{@link SessionAction#END} sends the session's process SIGTERM (then SIGKILL after the grace);
 * ProFTPD closes the client's connection as it exits.
 */
public final class ProftpdSource extends FtpProcessSource {

  public static final String NAME = "proftpd";

  private static final String PROCESS_NAME = "proftpd";

  private final ProftpdSettings settings;
  private final WhoCommand who;

  public ProftpdSource(ProftpdSettings settings) {
    super(NAME, settings.procRoot(), settings.grace());
    this.settings = settings;
    this.who = new WhoCommand("ftpwho", settings.timeout());
  }

  @Override
  public SourceStatus status() {
    if (!Files.isExecutable(settings.ftpwho())) {
      return unavailable("no ftpwho at " + settings.ftpwho() + " (package proftpd-core)");
    }
    if (!Files.exists(settings.scoreboardFile())) {
      return unavailable(
          "no scoreboard at " + settings.scoreboardFile() + " (is ProFTPD running?)");
    }
    if (!Files.isReadable(settings.scoreboardFile())) {
      return unavailable("cannot read the scoreboard at " + settings.scoreboardFile());
    }
    return available();
  }

  @Override
  List<ListedProcess> scan() throws SourceException {
    List<ProftpdConnection> connections = ftpwho();
    BootTime bootTime = bootTime();
    List<ListedProcess> sessions = new ArrayList<>();
    for (ProftpdConnection connection : connections) {
      sessionProcess(connection.pid(), PROCESS_NAME, connection.connectedSince(), bootTime)
          .map(ProcStat::identity)
          .ifPresent(
              process ->
                  sessions.add(new ListedProcess(connection.toSession(process), List.of(process))));
    }
    return sessions;
  }

  private List<ProftpdConnection> ftpwho() throws SourceException {
    List<String> command =
        List.of(
            settings.ftpwho().toString(), "-f", settings.scoreboardFile().toString(), "-o", "json");
    byte[] output = who.run(command);
    // A cut argument may end inside a UTF-8 character: decoding replaces it instead of failing.
    String json = new String(output, StandardCharsets.UTF_8);
    try {
      return ProftpdWhoJson.parse(json);
    } catch (IllegalArgumentException e) {
      throw new SourceException(
          "ftpwho's output is not what ProFTPD 1.3.8 prints: " + e.getMessage(), e);
    }
  }
}
