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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pure-FTPd's sessions, from its scoreboard through {@code pure-ftpwho -x -n}; needs root (the
 * scoreboard directory is 0700 root).
 *
 * <p>Each session is a process forked for the connection, owned by the logged-in user (root before
 * the login), with a root {@code pure-ftpd (PRIV)} helper below it. pure-ftpwho names the session
 * process; its id is {@code pure-ftpd:PID-STARTTICKS}. An entry counts only while its PID is a
 * {@code pure-ftpd} process that started no later than a minute after the session began, so a stale
 * entry never names a later process with the same PID.
 *
 * <p>{@link SessionAction#END} sends the session process SIGTERM (then SIGKILL after the grace),
 * which closes the client's connection; its PRIV helper exits with it. Signalling the helper alone
 * would leave the session running.
 */
public final class PureFtpdSource implements SessionSource {

  public static final String NAME = "pure-ftpd";

  private static final String PROCESS_NAME = "pure-ftpd";
  private static final Duration FORK_DELAY = Duration.ofMinutes(1);
  private static final Charset DECLARED = Charset.forName("ISO-8859-15");

  private final PureFtpdSettings settings;
  private final ProcessTable table;
  private final ProcessSignaller signaller;
  private final WhoCommand who;
  private final Clock clock;

  public PureFtpdSource(PureFtpdSettings settings) {
    this.settings = settings;
    this.table = new ProcessTable(settings.procRoot());
    this.signaller = new ProcessSignaller(table, settings.grace());
    this.who = new WhoCommand("pure-ftpwho", settings.timeout());
    this.clock = Clock.systemUTC();
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
    if (!Files.isExecutable(settings.pureFtpwho())) {
      return SourceStatus.unavailable(
          NAME, kind(), "no pure-ftpwho at " + settings.pureFtpwho() + " (package pure-ftpd)");
    }
    if (!Files.isDirectory(settings.scoreboardDirectory())) {
      return SourceStatus.unavailable(
          NAME,
          kind(),
          "no scoreboard at " + settings.scoreboardDirectory() + " (is Pure-FTPd running?)");
    }
    if (!Files.isReadable(settings.scoreboardDirectory())) {
      return SourceStatus.unavailable(
          NAME,
          kind(),
          "cannot read the scoreboard at "
              + settings.scoreboardDirectory()
              + " (pure-ftpwho needs root)");
    }
    return SourceStatus.available(NAME, kind());
  }

  @Override
  public List<Session> list() throws SourceException {
    return scan().stream().map(ListedProcess::session).toList();
  }

  /** The sessions of this moment, each with the process behind it. */
  private List<ListedProcess> scan() throws SourceException {
    Instant collectedAt = clock.instant();
    List<PureFtpdClient> clients = pureFtpwho();
    BootTime bootTime;
    try {
      bootTime = table.bootTime();
    } catch (IOException e) {
      throw new SourceException("cannot read the boot time from " + table.root() + ": " + e, e);
    }
    List<ListedProcess> sessions = new ArrayList<>();
    for (PureFtpdClient client : clients) {
      sessionProcess(client, collectedAt, bootTime)
          .map(ProcStat::identity)
          .ifPresent(
              process ->
                  sessions.add(
                      new ListedProcess(client.toSession(process, collectedAt), List.of(process))));
    }
    return sessions;
  }

  @Override
  public ActionResult perform(Session session, SessionAction action) throws ActionException {
    return ListedProcess.endPicked(this::scan, session, action, signaller);
  }

  /** The session's process, when the entry's PID is still that session's pure-ftpd process. */
  private Optional<ProcStat> sessionProcess(
      PureFtpdClient client, Instant collectedAt, BootTime bootTime) {
    Instant latestStart = client.began(collectedAt).plus(FORK_DELAY);
    return table
        .readStat(client.pid())
        .filter(stat -> !stat.isZombie() && PROCESS_NAME.equals(stat.comm()))
        .filter(stat -> !bootTime.instantAfter(stat.startTimeTicks()).isAfter(latestStart));
  }

  private List<PureFtpdClient> pureFtpwho() throws SourceException {
    byte[] output = who.run(List.of(settings.pureFtpwho().toString(), "-x", "-n"));
    try {
      return PureFtpWhoXml.parse(decode(output));
    } catch (IllegalArgumentException e) {
      throw new SourceException(
          "pure-ftpwho's output is not what Pure-FTPd 1.0.50 prints: " + e.getMessage(), e);
    }
  }

  /**
   * File names are the bytes the client sent, usually UTF-8, under an ISO-8859-15 declaration:
   * UTF-8 when they are valid UTF-8, else the declared charset.
   */
  private static String decode(byte[] output) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(output)).toString();
    } catch (CharacterCodingException e) {
      return new String(output, DECLARED);
    }
  }
}
