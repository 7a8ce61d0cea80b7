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
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An FTP server's sessions as processes of this host: each listed with the processes behind it, and
 * ended by signalling those after listing again. FTP sessions offer only {@code end}.
 */
abstract class FtpProcessSource implements SessionSource {

  /** How long after a session began its process may have started (fork, exec, a slow host). */
  private static final Duration FORK_DELAY = Duration.ofMinutes(1);

  private final String name;
  private final ProcessTable table;
  private final ProcessSignaller signaller;

  FtpProcessSource(String name, Path procRoot, Duration grace) {
    this.name = name;
    this.table = new ProcessTable(procRoot);
    this.signaller = new ProcessSignaller(table, grace);
  }

  /** The sessions of this moment, each with the processes that ending it signals. */
  abstract List<ListedProcess> scan() throws SourceException;

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final SessionKind kind() {
    return SessionKind.FTP;
  }

  @Override
  public final List<Session> list() throws SourceException {
    return scan().stream().map(ListedProcess::session).toList();
  }

  @Override
  public final ActionResult perform(Session session, SessionAction action) throws ActionException {
    return ListedProcess.endPicked(this::scan, session, action, signaller);
  }

  final ProcessTable table() {
    return table;
  }

  final BootTime bootTime() throws SourceException {
    try {
      return table.bootTime();
    } catch (IOException e) {
      throw new SourceException("cannot read the boot time from " + table.root() + ": " + e, e);
    }
  }

  /**
   * The process a who-tool's entry names, when its PID is still a live {@code command} process that
   * started no later than a minute after the session began: an entry left behind by a killed
   * session then never names a later process that got the same PID.
   *
   * @param began when the session began; null when the tool does not say
   */
  final Optional<ProcStat> sessionProcess(
      long pid, String command, Instant began, BootTime bootTime) {
    return table
        .readStat(pid)
        .filter(stat -> !stat.isZombie() && command.equals(stat.comm()))
        .filter(
            stat ->
                began == null
                    || !bootTime
                        .instantAfter(stat.startTimeTicks())
                        .isAfter(began.plus(FORK_DELAY)));
  }
}
