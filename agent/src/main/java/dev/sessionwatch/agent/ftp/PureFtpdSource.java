package dev.sessionwatch.agent.ftp;

import dev.sessionwatch.agent.os.BootTime;
import dev.sessionwatch.agent.os.ProcStat;
import dev.sessionwatch.agent.source.ListedProcess;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SourceStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
public final class PureFtpdSource extends FtpProcessSource {

  public static final String NAME = "pure-ftpd";

  private static final String PROCESS_NAME = "pure-ftpd";
  private static final Charset DECLARED = Charset.forName("ISO-8859-15");

  private final PureFtpdSettings settings;
  private final WhoCommand who;
  private final Clock clock;

  public PureFtpdSource(PureFtpdSettings settings) {
    super(NAME, settings.procRoot(), settings.grace());
    this.settings = settings;
    this.who = new WhoCommand("pure-ftpwho", settings.timeout());
    this.clock = Clock.systemUTC();
  }

  @Override
  public SourceStatus status() {
    if (!Files.isExecutable(settings.pureFtpwho())) {
      return unavailable("no pure-ftpwho at " + settings.pureFtpwho() + " (package pure-ftpd)");
    }
    if (!Files.isDirectory(settings.scoreboardDirectory())) {
      return unavailable(
          "no scoreboard at " + settings.scoreboardDirectory() + " (is Pure-FTPd running?)");
    }
    if (!Files.isReadable(settings.scoreboardDirectory())) {
      return unavailable(
          "cannot read the scoreboard at "
              + settings.scoreboardDirectory()
              + " (pure-ftpwho needs root)");
    }
    return available();
  }

  @Override
  List<ListedProcess> scan() throws SourceException {
    Instant collectedAt = clock.instant();
    List<PureFtpdClient> clients = pureFtpwho();
    BootTime bootTime = bootTime();
    List<ListedProcess> sessions = new ArrayList<>();
    for (PureFtpdClient client : clients) {
      sessionProcess(client.pid(), PROCESS_NAME, client.began(collectedAt), bootTime)
          .map(ProcStat::identity)
          .ifPresent(
              process ->
                  sessions.add(
                      new ListedProcess(client.toSession(process, collectedAt), List.of(process))));
    }
    return sessions;
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
