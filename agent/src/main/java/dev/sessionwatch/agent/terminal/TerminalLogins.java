package dev.sessionwatch.agent.terminal;

import dev.sessionwatch.agent.os.BootTime;
import dev.sessionwatch.agent.os.InetAddressText;
import dev.sessionwatch.agent.os.ProcessInfo;
import dev.sessionwatch.agent.os.ProcessSnapshot;
import dev.sessionwatch.agent.os.ProcessTable;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the logins of one moment: utmp's user entries whose process still runs, plus the sshd
 * logins without a terminal, which only the process table shows.
 */
final class TerminalLogins {

  static final String STATE_ACTIVE = "active";

  private static final String COCKPIT_SESSION = "cockpit-session";

  /**
   * How long after its process started a login may be recorded. A utmp entry is written by its
   * process (or for it, by sshd's monitor) right after that process started; a process that started
   * later merely reuses the PID of a login whose entry was left behind (its process was SIGKILLed
   * before it could mark the entry dead), and must never be taken for that login.
   */
  private static final Duration RECORDING_DELAY = Duration.ofMinutes(1);

  private static final Pattern TERMINAL_NAME =
      Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  private final ProcessTable table;
  private final ProcessSnapshot snapshot;
  private final BootTime bootTime;
  private final Path devRoot;

  TerminalLogins(ProcessTable table, ProcessSnapshot snapshot, BootTime bootTime, Path devRoot) {
    this.table = table;
    this.snapshot = snapshot;
    this.bootTime = bootTime;
    this.devRoot = devRoot;
  }

  /**
   * The logins, utmp's first (in file order), then the notty ones by PID. Entries that share a
   * process (one sshd connection multiplexing several terminals) make one login, so that a session
   * id, built from the process, names exactly one session.
   */
  List<TerminalLogin> find(List<UtmpRecord> records) {
    Map<Long, List<UtmpRecord>> byProcess = new LinkedHashMap<>();
    for (UtmpRecord record : records) {
      if (record.isUserProcess() && !record.user().isEmpty()) {
        byProcess.computeIfAbsent(record.pid(), pid -> new ArrayList<>()).add(record);
      }
    }
    List<TerminalLogin> logins = new ArrayList<>();
    Set<Long> leaders = new HashSet<>();
    byProcess.forEach(
        (pid, entries) ->
            snapshot
                .find(pid)
                .filter(leader -> isLoginProcess(leader, entries.get(0)))
                .ifPresent(
                    leader -> {
                      leaders.add(pid);
                      logins.add(utmpLogin(leader, entries));
                    }));
    for (ProcessInfo process : snapshot.all()) {
      nottyLogin(process)
          .filter(login -> !leaders.contains(login.leader().pid()))
          .ifPresent(logins::add);
    }
    return logins;
  }

  private boolean isLoginProcess(ProcessInfo process, UtmpRecord record) {
    // A Cockpit login records itself in utmp (line "web console") but is a panel session: the
    // cockpit source lists it and ends it through its bridge; signalling cockpit-session would
    // leave a stale record.
    if (process.isZombie() || COCKPIT_SESSION.equals(process.comm())) {
      return false;
    }
    boolean sshdMonitor =
        SshdProcessTitle.parse(process.cmdline())
            .filter(title -> title.isMonitorOf(record.user()))
            .isPresent();
    return sshdMonitor
        || !bootTime
            .instantAfter(process.startTimeTicks())
            .isAfter(record.loginTime().plus(RECORDING_DELAY));
  }

  private TerminalLogin utmpLogin(ProcessInfo leader, List<UtmpRecord> entries) {
    UtmpRecord first = entries.get(0);
    List<String> lines = entries.stream().map(UtmpRecord::line).toList();
    ProcessInfo connection =
        snapshot.children(leader).stream()
            .filter(child -> !child.isZombie())
            .filter(
                child ->
                    SshdProcessTitle.parse(child.cmdline())
                        .filter(
                            title ->
                                lines.stream()
                                    .anyMatch(line -> title.isConnectionOf(first.user(), line)))
                        .isPresent())
            .findFirst()
            .orElse(null);
    Long auditSession = ownAuditSession(leader);
    Map<String, String> attributes = baseAttributes(leader, connection, auditSession);
    attributes.put("utmpId", String.join(",", entries.stream().map(UtmpRecord::id).toList()));
    String host = first.host().isEmpty() ? null : first.host();
    Session session =
        Session.builder(sessionId(leader), SessionKind.TERMINAL, UtmpSource.NAME)
            .user(first.user())
            .line(String.join(",", lines))
            .remoteHost(host)
            .clientAddress(
                first.address() != null
                    ? InetAddressText.of(first.address())
                    : InetAddressText.ofLiteral(host))
            .loginTime(
                entries.stream().map(UtmpRecord::loginTime).min(Instant::compareTo).orElseThrow())
            .idleSince(
                lines.stream()
                    .map(this::terminalAccessTime)
                    .flatMap(Optional::stream)
                    .max(Instant::compareTo)
                    .orElse(null))
            .state(STATE_ACTIVE)
            .actions(actions(connection))
            .attributes(attributes)
            .build();
    return new TerminalLogin(session, leader, connection, auditSession);
  }

  /** A {@code sshd: USER@notty} process under its {@code sshd: USER [priv]} monitor. */
  private Optional<TerminalLogin> nottyLogin(ProcessInfo process) {
    Optional<SshdProcessTitle> title =
        SshdProcessTitle.parse(process.cmdline())
            .filter(t -> t.role() == SshdProcessTitle.Role.CONNECTION)
            .filter(t -> t.lines().equals(List.of(SshdProcessTitle.NO_TERMINAL)));
    if (title.isEmpty() || process.isZombie()) {
      return Optional.empty();
    }
    String user = title.get().user();
    Optional<ProcessInfo> monitor =
        snapshot
            .find(process.ppid())
            .filter(parent -> !parent.isZombie())
            // The monitor runs as root; a user cannot make a root process with such a title.
            .filter(parent -> parent.uid() == 0)
            .filter(parent -> process.startTimeTicks() >= parent.startTimeTicks())
            .filter(
                parent ->
                    SshdProcessTitle.parse(parent.cmdline())
                        .filter(t -> t.isMonitorOf(user))
                        .isPresent());
    if (monitor.isEmpty()) {
      return Optional.empty();
    }
    ProcessInfo leader = monitor.get();
    Long auditSession = ownAuditSession(leader);
    Map<String, String> attributes = baseAttributes(leader, process, auditSession);
    // The monitor holds only the client's connection; the connection process may also hold
    // forwarded ones, so the monitor is asked first.
    Optional<InetSocketAddress> peer =
        table.tcpPeer(leader.pid()).or(() -> table.tcpPeer(process.pid()));
    peer.ifPresent(p -> attributes.put("clientPort", Integer.toString(p.getPort())));
    Session session =
        Session.builder(sessionId(leader), SessionKind.TERMINAL, UtmpSource.NAME)
            .user(user)
            .line(SshdProcessTitle.NO_TERMINAL)
            .clientAddress(peer.map(p -> InetAddressText.of(p.getAddress())).orElse(null))
            // The connection process is forked once the user is authenticated: the login time.
            .loginTime(bootTime.instantAfter(process.startTimeTicks()))
            .state(STATE_ACTIVE)
            .actions(actions(process))
            .attributes(attributes)
            .build();
    return Optional.of(new TerminalLogin(session, leader, process, auditSession));
  }

  /**
   * The audit session the login opened, if it did. pam_loginuid gives a login a new audit session
   * (here: sshd's monitor and everything below it, while the listener stays unset); a process that
   * merely inherited its parent's (sshd run without PAM by someone logged in) shares it with
   * unrelated processes, so then there is none to use.
   */
  private Long ownAuditSession(ProcessInfo leader) {
    Long own = leader.auditSessionId();
    if (own == null) {
      return null;
    }
    Optional<ProcessInfo> parent = snapshot.find(leader.ppid());
    return parent.isPresent() && !Objects.equals(parent.get().auditSessionId(), own) ? own : null;
  }

  private static Map<String, String> baseAttributes(
      ProcessInfo leader, ProcessInfo connection, Long auditSession) {
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("pid", Long.toString(leader.pid()));
    attributes.put("process", leader.cmdline());
    if (connection != null) {
      attributes.put("connectionPid", Long.toString(connection.pid()));
    }
    if (auditSession != null) {
      attributes.put("auditSessionId", Long.toString(auditSession));
    }
    return attributes;
  }

  private static List<SessionAction> actions(ProcessInfo connection) {
    return connection != null
        ? List.of(SessionAction.DISCONNECT, SessionAction.LOGOUT)
        : List.of(SessionAction.LOGOUT);
  }

  static String sessionId(ProcessInfo leader) {
    return UtmpSource.NAME + ":" + leader.identity();
  }

  /** When the terminal was last read from (typed on), as {@code w} shows it. */
  private Optional<Instant> terminalAccessTime(String line) {
    if (!TERMINAL_NAME.matcher(line).matches() || line.contains("..")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Files.readAttributes(devRoot.resolve(line), BasicFileAttributes.class)
              .lastAccessTime()
              .toInstant());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
