package dev.sessionwatch.agent.panel;

import dev.sessionwatch.agent.os.ProcStat;
import dev.sessionwatch.agent.os.ProcessIdentity;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.agent.os.ProtectedProcessException;
import dev.sessionwatch.agent.os.Termination;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cPanel's web sessions (cPanel, WHM and webmail logins), from its session files in {@code
 * /var/cpanel/sessions/raw/}.
 *
 * <p>A session file is named {@code USER:RANDOM}; that name is the session's cookie value (without
 * its obfuscation part), so it is a secret. The session id is therefore {@code cpanel:} and the
 * first 16 hex digits of the name's SHA-256: stable while the session lives, unique in practice,
 * and of no use for taking the session over. Neither the name nor any value besides the whitelisted
 * fields of {@link CpanelSessionFile} leaves this class; error messages name the file by its user
 * and session id.
 *
 * <p>A file counts as a login unless it is expired (last changed longer ago than the session
 * timeout), still waiting for its login (a {@code preauth/} flag or {@code needs_auth}), or
 * malformed; malformed files are reported beside the sessions that were read.
 *
 * <p>{@link SessionAction#LOGOUT} does what cPanel's own purge (Cpanel::Session::SinglePurge) does:
 * it removes the session's files from {@code cache/}, {@code preauth/} and {@code raw/}, so the
 * browser is logged out on its next request, and ends the session's {@code registered_processes}.
 * Logging out is what ending a web login is, and it ends the processes the login started, which is
 * what {@link SessionAction#LOGOUT} promises. The session file is never written to.
 */
public final class CpanelSource implements SessionSource {

  public static final String NAME = "cpanel";

  /** Real session files are a few hundred bytes; anything near this size is not one. */
  static final int MAX_FILE_BYTES = 64 * 1024;

  private static final int MAX_REPORTED_FILES = 10;
  private static final int ID_HEX_DIGITS = 16;

  /** A login is written to the file when it happens, so its time cannot be much after the mtime. */
  private static final Duration LOGIN_AFTER_CHANGE_SLACK = Duration.ofMinutes(1);

  private final CpanelSettings settings;
  private final Path raw;
  private final Path cache;
  private final Path preauth;
  private final ProcessTable table;
  private final ProcessSignaller signaller;
  private final Clock clock;

  public CpanelSource(CpanelSettings settings, Clock clock) {
    this.settings = settings;
    this.raw = settings.sessionsDirectory().resolve("raw");
    this.cache = settings.sessionsDirectory().resolve("cache");
    this.preauth = settings.sessionsDirectory().resolve("preauth");
    this.table = new ProcessTable(settings.procRoot());
    this.signaller = new ProcessSignaller(table, settings.grace());
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SessionKind kind() {
    return SessionKind.PANEL;
  }

  @Override
  public SourceStatus status() {
    if (!Files.isDirectory(raw)) {
      return unavailable("no cPanel session directory at " + raw + " (is cPanel installed?)");
    }
    if (!Files.isReadable(raw) || !Files.isExecutable(raw)) {
      return unavailable("cannot read " + raw + " (needs root)");
    }
    return available();
  }

  @Override
  public List<Session> list() throws SourceException {
    return listing().sessions();
  }

  @Override
  public Listing listing() throws SourceException {
    Scan scan = scan();
    return new Listing(scan.listed().stream().map(Listed::session).toList(), scan.problems());
  }

  @Override
  public ActionResult perform(Session session, SessionAction action) throws ActionException {
    if (action != SessionAction.LOGOUT) {
      throw new ActionException(
          ActionException.Reason.NOT_OFFERED,
          "cPanel sessions are logged out, not " + action.wireName());
    }
    Scan scan;
    try {
      scan = scan();
    } catch (SourceException e) {
      throw new ActionException(ActionException.Reason.FAILED, e.getMessage(), e);
    }
    Listed listed =
        scan.listed().stream()
            .filter(candidate -> candidate.session().id().equals(session.id()))
            .findFirst()
            .orElseThrow(() -> gone(session));
    return logOut(listed);
  }

  /** A session file as just read: the session, and what logging it out needs. */
  private record Listed(Session session, String fileName, CpanelSessionFile file) {}

  /** The sessions of this moment, and the files that were skipped. */
  private record Scan(List<Listed> listed, List<String> problems) {}

  private Scan scan() throws SourceException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> directory = Files.newDirectoryStream(raw)) {
      directory.forEach(entries::add);
    } catch (IOException e) {
      throw new SourceException("cannot list " + raw + ": " + reason(e), e);
    } catch (DirectoryIteratorException e) {
      throw new SourceException("cannot list " + raw + ": " + reason(e.getCause()), e);
    }
    entries.sort(Comparator.comparing(Path::toString));
    Instant now = clock.instant();
    List<Listed> listed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      int colon = name.indexOf(':');
      if (colon < 0 || name.endsWith(".lock")) {
        continue; // not a session: cPanel's lock files (NAME.lock) live here too
      }
      String id = NAME + ":" + idOf(name);
      try {
        read(entry, name, id, now).ifPresent(listed::add);
      } catch (NoSuchFileException e) {
        // Logged out or purged while the directory was read.
      } catch (IOException e) {
        problems.add(skipped(name, id, "it cannot be read: " + reason(e)));
      } catch (IllegalArgumentException e) {
        problems.add(skipped(name, id, e.getMessage()));
      }
    }
    if (problems.size() > MAX_REPORTED_FILES) {
      int more = problems.size() - MAX_REPORTED_FILES;
      problems = new ArrayList<>(problems.subList(0, MAX_REPORTED_FILES));
      problems.add("skipped " + more + " more malformed session files");
    }
    return new Scan(listed, problems);
  }

  /**
   * The session in one file; empty when the file is not a current login.
   *
   * @throws IllegalArgumentException when it is not a session file cPanel wrote
   */
  private Optional<Listed> read(Path file, String name, String id, Instant now) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) {
      throw new IllegalArgumentException("it is not a regular file");
    }
    Instant lastChange = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
    if (!lastChange.plus(settings.sessionTimeout()).isAfter(now)
        || Files.exists(preauth.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty(); // expired, or the login page was opened but no one logged in yet
    }
    CpanelSessionFile session;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      session = CpanelSessionFile.parse(in, MAX_FILE_BYTES);
    }
    if (session.needsAuth()) {
      return Optional.empty();
    }
    // cPanel names the file for its user and purges a user's sessions by that name.
    if (!session.user().equals(fileUser(name))) {
      throw new IllegalArgumentException("its user is not the one its file is named for");
    }
    if (session.loginTime().isAfter(lastChange.plus(LOGIN_AFTER_CHANGE_SLACK))) {
      throw new IllegalArgumentException("its login time is after the file's last change");
    }
    return Optional.of(new Listed(toSession(id, session, lastChange), name, session));
  }

  private static Session toSession(String id, CpanelSessionFile file, Instant lastChange) {
    return Session.builder(id, SessionKind.PANEL, NAME)
        .user(file.user())
        .userType(file.userType())
        .clientAddress(file.ipAddress())
        .loginTime(file.loginTime())
        .idleSince(lastChange)
        .panel(NAME)
        .actions(SessionAction.LOGOUT)
        .attributes(file.app() == null ? Map.of() : Map.of("app", file.app()))
        .build();
  }

  private ActionResult logOut(Listed listed) throws ActionException {
    List<String> notes = new ArrayList<>();
    List<ProcessIdentity> targets = registeredTargets(listed, notes);
    removeFiles(listed);
    StringBuilder message =
        new StringBuilder("logged out ")
            .append(listed.session().user())
            .append(": removed its session files");
    boolean ended = true;
    if (!targets.isEmpty()) {
      try {
        Termination termination = signaller.end(targets);
        message.append("; registered processes: ").append(termination.describe());
        ended = termination.allEnded();
      } catch (ProtectedProcessException | IllegalStateException e) {
        // The session is logged out all the same: its files are gone.
        message.append("; did not end its registered processes: ").append(e.getMessage());
        ended = false;
      }
    }
    notes.forEach(note -> message.append("; ").append(note));
    return new ActionResult(ended, message.toString());
  }

  /**
   * Removes the session's files, the cache and the pre-login flag first: a failure midway leaves
   * the raw file, and with it the whole session, in place.
   */
  private void removeFiles(Listed listed) throws ActionException {
    for (Path directory : List.of(cache, preauth, raw)) {
      boolean removed;
      try {
        removed = Files.deleteIfExists(directory.resolve(listed.fileName()));
      } catch (IOException e) {
        throw new ActionException(
            ActionException.Reason.FAILED,
            "cannot remove the session file of "
                + listed.session().id()
                + " from "
                + directory
                + ": "
                + reason(e),
            e);
      }
      if (!removed && directory.equals(raw)) {
        throw gone(listed.session());
      }
    }
  }

  /**
   * The registered processes that are still the ones cPanel registered: same boot, PID and start
   * time (cPanel's UPID), and, unless it is a WHM login, owned by the session's user, as cPanel
   * ends them with the user's rights. The signaller re-checks PID and start time before each
   * signal.
   */
  private List<ProcessIdentity> registeredTargets(Listed listed, List<String> notes) {
    CpanelSessionFile file = listed.file();
    if (file.unreadableProcesses() > 0) {
      notes.add(file.unreadableProcesses() + " entries of registered_processes are not UPIDs");
    }
    if (file.registeredProcesses().isEmpty()) {
      return List.of();
    }
    long bootTime;
    try {
      bootTime = table.bootTime().bootedAt().getEpochSecond();
    } catch (IOException e) {
      notes.add("left its registered processes alone: " + e.getMessage());
      return List.of();
    }
    List<ProcessIdentity> targets = new ArrayList<>();
    int gone = 0;
    int foreign = 0;
    for (CpanelSessionFile.RegisteredProcess process : file.registeredProcesses()) {
      Optional<ProcStat> stat =
          process.bootTime() != bootTime
              ? Optional.empty()
              : table
                  .readStat(process.pid())
                  .filter(s -> s.startTimeTicks() == process.startTimeTicks() && !s.isZombie());
      if (stat.isEmpty()) {
        gone++;
      } else if (!file.isWhm() && !isOwnedBy(process.pid(), file.user())) {
        foreign++;
      } else {
        targets.add(stat.get().identity());
      }
    }
    if (gone > 0) {
      notes.add("of its registered processes, " + count(gone) + " had already ended");
    }
    if (foreign > 0) {
      notes.add("left alone " + count(foreign) + " that " + file.user() + " does not own");
    }
    return targets;
  }

  private boolean isOwnedBy(long pid, String user) {
    try {
      return Files.getOwner(table.root().resolve(Long.toString(pid))).getName().equals(user);
    } catch (IOException e) {
      return false;
    }
  }

  private static ActionException gone(Session session) {
    return new ActionException(
        ActionException.Reason.GONE, "session " + session.id() + " has ended");
  }

  private static String skipped(String fileName, String id, String why) {
    return "skipped the session file of " + printable(fileUser(fileName)) + " (" + id + "): " + why;
  }

  /** The user a session file is named for: the part before the first colon. */
  private static String fileUser(String fileName) {
    return fileName.substring(0, fileName.indexOf(':'));
  }

  /** A user name from a file name as it may be shown: only the characters cPanel allows in one. */
  private static String printable(String user) {
    if (user.isEmpty()) {
      return "no user";
    }
    StringBuilder shown = new StringBuilder();
    user.codePoints()
        .limit(64)
        .forEach(
            c ->
                shown.appendCodePoint(
                    c < 128 && (Character.isLetterOrDigit(c) || "_+%@.-!#$=?^{}~".indexOf(c) >= 0)
                        ? c
                        : '?'));
    return shown.toString();
  }

  /** The first hex digits of the name's SHA-256: an id that does not give the name away. */
  static String idOf(String fileName) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(fileName.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, ID_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * Why a file operation failed, without the exception's message: that names the file, and a
   * session file's name is the session's secret.
   */
  private static String reason(IOException e) {
    if (e instanceof FileSystemException fileProblem && fileProblem.getReason() != null) {
      return fileProblem.getReason();
    }
    return e.getClass().getSimpleName();
  }

  private static String count(int processes) {
    return processes + (processes == 1 ? " process" : " processes");
  }
}
