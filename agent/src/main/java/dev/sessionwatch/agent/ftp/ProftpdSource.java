package dev.sessionwatch.agent.ftp;

import dev.sessionwatch.agent.os.BootTime;
import dev.sessionwatch.agent.os.ProcStat;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.ListedProcess;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
public final class ProftpdSource implements SessionSource {

  public static final String NAME = "proftpd";

  private static final String PROCESS_NAME = "proftpd";
  private static final Duration FORK_DELAY = Duration.ofMinutes(1);

  private final ProftpdSettings settings;
  private final ProcessTable table;
  private final ProcessSignaller signaller;
  private final WhoCommand who;

  public ProftpdSource(ProftpdSettings settings) {
    this.settings = settings;
    this.table = new ProcessTable(settings.procRoot());
    this.signaller = new ProcessSignaller(table, settings.grace());
    this.who = new WhoCommand("ftpwho", settings.timeout());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SessionKind kind() {
    return SessionKind.FTP;
  }

  @Override
  public SourceStatus status() {
    if (!Files.isExecutable(settings.ftpwho())) {
      return SourceStatus.unavailable(
          NAME, kind(), "no ftpwho at " + settings.ftpwho() + " (package proftpd-core)");
    }
    if (!Files.exists(settings.scoreboardFile())) {
      return SourceStatus.unavailable(
          NAME, kind(), "no scoreboard at " + settings.scoreboardFile() + " (is ProFTPD running?)");
    }
    if (!Files.isReadable(settings.scoreboardFile())) {
      return SourceStatus.unavailable(
          NAME, kind(), "cannot read the scoreboard at " + settings.scoreboardFile());
    }
    return SourceStatus.available(NAME, kind());
  }

  @Override
  public List<Session> list() throws SourceException {
    return scan().stream().map(ListedProcess::session).toList();
  }

  /** The sessions of this moment, each with the process behind it. */
  private List<ListedProcess> scan() throws SourceException {
    List<ProftpdConnection> connections = ftpwho();
    BootTime bootTime;
    try {
      bootTime = table.bootTime();
    } catch (IOException e) {
      throw new SourceException("cannot read the boot time from " + table.root() + ": " + e, e);
    }
    List<ListedProcess> sessions = new ArrayList<>();
    for (ProftpdConnection connection : connections) {
      sessionProcess(connection, bootTime)
          .map(ProcStat::identity)
          .ifPresent(
              process ->
                  sessions.add(new ListedProcess(connection.toSession(process), List.of(process))));
    }
    return sessions;
  }

  @Override
  public ActionResult perform(Session session, SessionAction action) throws ActionException {
    return ListedProcess.endPicked(this::scan, session, action, signaller);
  }

  /** The session's process, when the entry's PID is still the session's proftpd process. */
  private Optional<ProcStat> sessionProcess(ProftpdConnection connection, BootTime bootTime) {
    return table
        .readStat(connection.pid())
        .filter(stat -> !stat.isZombie() && PROCESS_NAME.equals(stat.comm()))
        .filter(
            stat ->
                connection.connectedSince() == null
                    || !bootTime
                        .instantAfter(stat.startTimeTicks())
                        .isAfter(connection.connectedSince().plus(FORK_DELAY)));
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
