package dev.sessionwatch.agent.demo;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * A simulated busy hosting server: panel, FTP and terminal sessions that log in, work, idle,
 * transfer files and log out, so the console and every action can be tried safely and loaded with
 * many sessions.
 *
 * <p>There is no background thread: the simulation is an event queue advanced lazily to the clock's
 * instant whenever it is read or acted on. What it holds at an instant depends only on the random
 * generator's seed, the clock and the calls to {@link #addSession} and the actions, not on how
 * often it was listed; two lists at the same instant are equal. Client addresses are drawn from the
 * documentation ranges only (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32).
 * Thread-safe.
 */
public final class DemoHost {

  public static final int DEFAULT_SESSION_COUNT = 12;

  /** How far before the clock's first instant the simulation starts, so it opens mid-activity. */
  private static final Duration WARM_UP = Duration.ofMinutes(10);

  private static final Duration SHORTEST_LIFETIME = Duration.ofMinutes(5);
  private static final Duration LONGEST_LIFETIME = Duration.ofMinutes(60);
  private static final Duration CONSOLE_LIFETIME = Duration.ofHours(8);
  private static final Duration ACTIVE_WITHIN = Duration.ofMinutes(1);

  /** How long a session typically pauses between two things it does: some users are busier. */
  private static final List<Duration> MEAN_PAUSES =
      List.of(
          Duration.ofSeconds(15),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(20));

  /** Transfers are cut to this length, so progress is seen to finish while the demo runs. */
  private static final long LONGEST_TRANSFER_SECONDS = 600;

  private static final List<PanelLogin> PANEL_LOGINS =
      List.of(
          new PanelLogin("plesk", "admin", "admin"),
          new PanelLogin("plesk", "client", "jsmith"),
          new PanelLogin("plesk", "client", "acme-web"),
          new PanelLogin("plesk", "webmail", "info@example.com"),
          new PanelLogin("cpanel", "admin", "root"),
          new PanelLogin("cpanel", "client", "examplenet"),
          new PanelLogin("cpanel", "webmail", "sales@example.net"),
          new PanelLogin("cockpit", "admin", "root"),
          new PanelLogin("cockpit", "client", "deploy"));

  private static final List<FtpAccount> FTP_ACCOUNTS =
      List.of(
          new FtpAccount("examplecom", "system", "example.com"),
          new FtpAccount("examplenet", "system", "example.net"),
          new FtpAccount("exampleorg", "system", "example.org"),
          new FtpAccount("shop_ftp", "virtual", "shop.example.com"),
          new FtpAccount("blog_ftp", "virtual", "blog.example.net"),
          new FtpAccount("anonymous", "anonymous", "ftp.example.org"));

  private static final List<String> FTP_DIRECTORIES =
      List.of(
          "/",
          "/httpdocs",
          "/httpdocs/images",
          "/httpdocs/wp-content/uploads",
          "/private/backups",
          "/logs");

  private static final List<FtpFile> FTP_FILES =
      List.of(
          new FtpFile("index.php", 12_000),
          new FtpFile("style.css", 40_000),
          new FtpFile("wp-config.php", 3_000),
          new FtpFile("photo-0142.jpg", 2_500_000),
          new FtpFile("catalog.csv", 800_000),
          new FtpFile("access_log.gz", 30_000_000),
          new FtpFile("backup-2025-01-31.tar.gz", 400_000_000),
          new FtpFile("site-export.zip", 120_000_000));

  private static final List<String> TERMINAL_USERS =
      List.of("alice", "bob", "carol", "deploy", "root");

  private static final String CONSOLE_LINE = "tty1";

  private final String hostName;
  private final RandomGenerator random;
  private final Clock clock;
  private final int targetSessionCount;
  private final List<SessionSource> sources;
  private final Object lock = new Object();

  // Guarded by lock. Live sessions in login order; the queue orders them by their next event.
  private final Map<String, Simulated> live = new LinkedHashMap<>();
  private final PriorityQueue<Simulated> events =
      new PriorityQueue<>(
          Comparator.comparing(Simulated::due).thenComparingLong(Simulated::serial));
  private final Map<SessionKind, Long> lastNumber = new EnumMap<>(SessionKind.class);
  private long lastSerial;
  private Instant simulatedUntil;
  private Instant nextArrival; // null when the target is no sessions

  /** A host with {@link #DEFAULT_SESSION_COUNT} sessions or so. */
  public DemoHost(String hostName, long seed, Clock clock) {
    this(hostName, seed, clock, DEFAULT_SESSION_COUNT);
  }

  public DemoHost(String hostName, long seed, Clock clock, int targetSessionCount) {
    this(hostName, new SplittableRandom(seed), clock, targetSessionCount);
  }

  /**
   * @param random the only source of chance; used under the host's lock, so it need not be
   *     thread-safe
   * @param targetSessionCount how many sessions the host has at a time, on average; 0 for a host
   *     where nobody logs in unless {@link #addSession} is called
   */
  public DemoHost(String hostName, RandomGenerator random, Clock clock, int targetSessionCount) {
    if (targetSessionCount < 0) {
      throw new IllegalArgumentException(
          "target session count must not be negative, was " + targetSessionCount);
    }
    this.hostName = Objects.requireNonNull(hostName, "hostName");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.targetSessionCount = targetSessionCount;
    this.sources =
        List.of(
            new DemoSource(SessionKind.PANEL),
            new DemoSource(SessionKind.FTP),
            new DemoSource(SessionKind.TERMINAL));
    Instant now = clock.instant();
    Instant start = now.minus(WARM_UP);
    synchronized (lock) {
      simulatedUntil = start;
      SessionKind[] kinds = SessionKind.values();
      for (int i = 0; i < targetSessionCount; i++) {
        // Round-robin, so that every kind is there from the start; someone is at the local console.
        SessionKind kind = kinds[i % kinds.length];
        loginAlreadyUnderway(kind, kind == SessionKind.TERMINAL && consoleIsFree(), start);
      }
      nextArrival = targetSessionCount == 0 ? null : start.plus(timeToNextArrival());
      advance(now);
    }
  }

  public String hostName() {
    return hostName;
  }

  /** The sources "demo-panel", "demo-ftp" and "demo-terminal", all reading this simulation. */
  public List<SessionSource> sources() {
    return sources;
  }

  /**
   * Logs a new session of this kind in now, and answers it as its source will list it. It lives at
   * least five minutes unless an action ends it; a terminal one is a remote (pts) login, so it
   * offers both disconnect and logout.
   */
  public Session addSession(SessionKind kind) {
    Objects.requireNonNull(kind, "kind");
    synchronized (lock) {
      advance(clock.instant());
      Simulated added = newSession(kind, false, simulatedUntil, lifetime());
      schedule(added, simulatedUntil.plus(firstPause(added)));
      return render(added, simulatedUntil);
    }
  }

  private List<Session> list(SessionKind kind) {
    synchronized (lock) {
      advance(clock.instant());
      List<Session> sessions = new ArrayList<>(live.size());
      for (Simulated simulated : live.values()) {
        if (simulated.session.kind() == kind) {
          sessions.add(render(simulated, simulatedUntil));
        }
      }
      return sessions;
    }
  }

  private ActionResult perform(SessionKind kind, Session session, SessionAction action)
      throws ActionException {
    synchronized (lock) {
      advance(clock.instant());
      Simulated simulated = live.get(session.id());
      if (simulated == null || simulated.session.kind() != kind) {
        throw new ActionException(
            ActionException.Reason.GONE, "session " + session.id() + " has already ended");
      }
      if (!simulated.session.allows(action)) {
        throw new ActionException(
            ActionException.Reason.NOT_OFFERED,
            "session " + session.id() + " does not offer " + action.wireName());
      }
      live.remove(session.id());
      events.remove(simulated);
      return new ActionResult(
          true,
          pastTense(action)
              + " simulated session "
              + session.id()
              + " of "
              + simulated.session.user());
    }
  }

  private static String pastTense(SessionAction action) {
    return switch (action) {
      case END -> "ended";
      case DISCONNECT -> "disconnected";
      case LOGOUT -> "logged out";
      // Simulated sessions never offer a message, and perform refuses what is not offered.
      case MESSAGE -> throw new IllegalArgumentException("simulated sessions take no message");
    };
  }

  /** Runs every login, change and logout due up to {@code until}, in time order. */
  private void advance(Instant until) {
    while (true) {
      Simulated next = events.peek();
      boolean arrivalFirst =
          nextArrival != null && (next == null || !nextArrival.isAfter(next.due()));
      Instant at = arrivalFirst ? nextArrival : next == null ? null : next.due();
      if (at == null || at.isAfter(until)) {
        break;
      }
      if (arrivalFirst) {
        arrive(at);
        nextArrival = at.plus(timeToNextArrival());
      } else {
        events.poll();
        if (next.leavesAt.isAfter(next.nextChange)) {
          change(next, at);
          events.add(next);
        } else {
          live.remove(next.session.id());
        }
      }
    }
    if (until.isAfter(simulatedUntil)) {
      simulatedUntil = until;
    }
  }

  /** Arrivals balance departures: on average one per mean lifetime divided by the target. */
  private Duration timeToNextArrival() {
    long meanMillis = SHORTEST_LIFETIME.plus(LONGEST_LIFETIME).toMillis() / 2 / targetSessionCount;
    return Duration.ofMillis(1 + Math.round(random.nextExponential() * meanMillis));
  }

  private Duration lifetime() {
    return Duration.ofSeconds(
        random.nextLong(SHORTEST_LIFETIME.toSeconds(), LONGEST_LIFETIME.toSeconds() + 1));
  }

  private Duration pause(Simulated simulated) {
    return Duration.ofMillis(
        1000 + Math.round(random.nextExponential() * simulated.meanPause.toMillis()));
  }

  /** A new login of a random kind; one terminal login in ten is at the local console, if free. */
  private void arrive(Instant at) {
    SessionKind kind = SessionKind.values()[random.nextInt(SessionKind.values().length)];
    boolean atConsole = kind == SessionKind.TERMINAL && consoleIsFree() && random.nextInt(10) == 0;
    Simulated arrived = newSession(kind, atConsole, at, lifetime());
    schedule(arrived, at.plus(firstPause(arrived)));
  }

  /** A session that was already going when the simulation starts, part way through its life. */
  private void loginAlreadyUnderway(SessionKind kind, boolean atConsole, Instant start) {
    Duration lifetime = lifetime();
    Duration age = Duration.ofSeconds(random.nextLong(lifetime.toSeconds()));
    Simulated simulated = newSession(kind, atConsole, start.minus(age), lifetime);
    Instant lastActive = start.minus(pause(simulated));
    Instant idleSince =
        lastActive.isAfter(simulated.session.loginTime())
            ? lastActive
            : simulated.session.loginTime();
    Session.Builder builder = simulated.session.toBuilder().idleSince(idleSince);
    simulated.session = kind == SessionKind.FTP ? loggedIn(builder, idleSince) : builder.build();
    schedule(simulated, start.plus(pause(simulated)));
  }

  /** Makes a session that logged in at {@code at}; {@link #schedule} makes it live. */
  private Simulated newSession(SessionKind kind, boolean atConsole, Instant at, Duration lifetime) {
    long number = lastNumber.merge(kind, 1L, Long::sum);
    Session.Builder builder =
        Session.builder(sourceName(kind) + ":" + number, kind, sourceName(kind))
            .loginTime(at)
            .idleSince(at);
    switch (kind) {
      case PANEL -> {
        PanelLogin login = pick(PANEL_LOGINS);
        builder
            .panel(login.panel())
            .userType(login.userType())
            .user(login.user())
            .clientAddress(documentationAddress())
            .actions(SessionAction.END);
      }
      case FTP -> {
        FtpAccount account = pick(FTP_ACCOUNTS);
        builder
            .user(account.user())
            .userType(account.userType())
            .domain(account.domain())
            .clientAddress(documentationAddress())
            .state("authenticating")
            .currentDirectory("/")
            .currentCommand("PASS")
            .lastReplyCode(331)
            .bytesSent(0L)
            .bytesReceived(0L)
            .actions(SessionAction.END);
      }
      case TERMINAL -> {
        if (atConsole) {
          // Nobody can be disconnected from a local console, only logged out.
          builder.user("root").line(CONSOLE_LINE).actions(SessionAction.LOGOUT);
          lifetime = CONSOLE_LIFETIME;
        } else {
          String address = documentationAddress();
          builder
              .user(pick(TERMINAL_USERS))
              .line("pts/" + lowestFreePseudoTerminal())
              .clientAddress(address)
              .remoteHost(address)
              .actions(SessionAction.DISCONNECT, SessionAction.LOGOUT);
        }
      }
    }
    return new Simulated(++lastSerial, pick(MEAN_PAUSES), at.plus(lifetime), builder.build());
  }

  private void schedule(Simulated simulated, Instant nextChange) {
    simulated.nextChange = nextChange;
    live.put(simulated.session.id(), simulated);
    events.add(simulated);
  }

  /** A new FTP login authenticates within seconds; anyone else pauses as they usually do. */
  private Duration firstPause(Simulated simulated) {
    return simulated.session.kind() == SessionKind.FTP
        ? Duration.ofMillis(random.nextLong(500, 4000))
        : pause(simulated);
  }

  /** The session does the next thing it does; for a panel or terminal user, anything at all. */
  private void change(Simulated simulated, Instant at) {
    Session session = simulated.session;
    Duration transferTime = null;
    if (session.kind() != SessionKind.FTP) {
      simulated.session = session.toBuilder().idleSince(at).build();
    } else if (simulated.transferSize != null) {
      finishTransfer(simulated, at);
    } else if ("authenticating".equals(session.state())) {
      simulated.session = loggedIn(session.toBuilder(), at);
    } else {
      transferTime = nextFtpCommand(simulated, at);
    }
    simulated.nextChange = at.plus(transferTime != null ? transferTime : pause(simulated));
  }

  private static Session loggedIn(Session.Builder builder, Instant at) {
    return builder
        .state("idle")
        .previousCommand("PASS")
        .currentCommand(null)
        .lastReplyCode(230)
        .idleSince(at)
        .build();
  }

  /** Runs the next FTP command; answers how long it takes when it is a transfer, else null. */
  private Duration nextFtpCommand(Simulated simulated, Instant at) {
    Session session = simulated.session;
    int roll = random.nextInt(10);
    if (roll < 5) {
      return startTransfer(simulated, at, roll < 3);
    }
    Session.Builder builder = session.toBuilder().idleSince(at);
    if (roll < 8) {
      long listing = random.nextLong(400, 8000);
      builder
          .previousCommand("LIST")
          .currentDirectory(pick(FTP_DIRECTORIES))
          .bytesSent(session.bytesSent() + listing)
          .lastReplyCode(226);
    } else {
      builder.previousCommand("NOOP").lastReplyCode(200);
    }
    simulated.session = builder.build();
    return null;
  }

  private Duration startTransfer(Simulated simulated, Instant at, boolean download) {
    FtpFile file = pick(FTP_FILES);
    long size = Math.round(file.typicalBytes() * random.nextDouble(0.5, 2.0));
    // Log-uniform rates: slow and fast links alike.
    long rate = Math.round(Math.exp(random.nextDouble(Math.log(20e3), Math.log(12e6))));
    rate = Math.max(rate, size / LONGEST_TRANSFER_SECONDS + 1);
    simulated.transferSize = size;
    simulated.session =
        simulated.session.toBuilder()
            .state(download ? "downloading" : "uploading")
            .currentCommand(download ? "RETR" : "STOR")
            .currentFile(file.name())
            .commandStartTime(at)
            .transferRateBytesPerSecond(rate)
            .lastReplyCode(150)
            .idleSince(at)
            .build();
    return Duration.ofMillis((size * 1000 + rate - 1) / rate);
  }

  private void finishTransfer(Simulated simulated, Instant at) {
    Session session = simulated.session;
    long size = simulated.transferSize;
    boolean download = "RETR".equals(session.currentCommand());
    simulated.transferSize = null;
    simulated.session =
        session.toBuilder()
            .state("idle")
            .previousCommand(session.currentCommand())
            .currentCommand(null)
            .currentFile(null)
            .commandStartTime(null)
            .transferRateBytesPerSecond(null)
            .bytesSent(session.bytesSent() + (download ? size : 0))
            .bytesReceived(session.bytesReceived() + (download ? 0 : size))
            .lastReplyCode(226)
            .idleSince(at)
            .build();
  }

  /**
   * The session as listed at {@code at}: what moves between events is derived from the time. A
   * panel or terminal session's state is kept once derived, so that listing it again costs nothing
   * until the state changes: a host of thousands is listed every second.
   */
  private static Session render(Simulated simulated, Instant at) {
    Session session = simulated.session;
    if (session.kind() != SessionKind.FTP) {
      String state = at.isBefore(session.idleSince().plus(ACTIVE_WITHIN)) ? "active" : "idle";
      if (!state.equals(session.state())) {
        simulated.session = session.toBuilder().state(state).build();
      }
      return simulated.session;
    }
    if (simulated.transferSize == null) {
      return session;
    }
    long size = simulated.transferSize;
    long elapsedMillis = Math.max(0, Duration.between(session.commandStartTime(), at).toMillis());
    long done = Math.min(size, session.transferRateBytesPerSecond() * elapsedMillis / 1000);
    boolean download = "RETR".equals(session.currentCommand());
    return session.toBuilder()
        .progress(Math.floor(1000.0 * done / size) / 1000)
        .bytesSent(session.bytesSent() + (download ? done : 0))
        .bytesReceived(session.bytesReceived() + (download ? 0 : done))
        .build();
  }

  private boolean consoleIsFree() {
    return live.values().stream()
        .noneMatch(simulated -> CONSOLE_LINE.equals(simulated.session.line()));
  }

  private int lowestFreePseudoTerminal() {
    TreeSet<String> taken = new TreeSet<>();
    for (Simulated simulated : live.values()) {
      if (simulated.session.line() != null) {
        taken.add(simulated.session.line());
      }
    }
    int number = 0;
    while (taken.contains("pts/" + number)) {
      number++;
    }
    return number;
  }

  private String documentationAddress() {
    return switch (random.nextInt(4)) {
      case 0 -> "192.0.2." + random.nextInt(1, 255);
      case 1 -> "198.51.100." + random.nextInt(1, 255);
      case 2 -> "203.0.113." + random.nextInt(1, 255);
      default ->
          "2001:db8:%x::%x".formatted(random.nextInt(1, 0x10000), random.nextInt(1, 0x10000));
    };
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  private static String sourceName(SessionKind kind) {
    return "demo-" + kind.wireName();
  }

  private record PanelLogin(String panel, String userType, String user) {}

  private record FtpAccount(String user, String userType, String domain) {}

  private record FtpFile(String name, long typicalBytes) {}

  /** One live session: how it looks after its last event, and when its next ones are due. */
  private static final class Simulated {
    private final long serial;
    private final Duration meanPause;
    private final Instant leavesAt;
    private Session session;
    private Instant nextChange;
    private Long transferSize; // bytes of the RETR or STOR under way, null when none is

    private Simulated(long serial, Duration meanPause, Instant leavesAt, Session session) {
      this.serial = serial;
      this.meanPause = meanPause;
      this.leavesAt = leavesAt;
      this.session = session;
    }

    private long serial() {
      return serial;
    }

    private Instant due() {
      return nextChange.isBefore(leavesAt) ? nextChange : leavesAt;
    }
  }

  /** One door of the simulated host: a thin view on the shared simulation. */
  private final class DemoSource implements SessionSource {
    private final SessionKind kind;

    private DemoSource(SessionKind kind) {
      this.kind = kind;
    }

    @Override
    public String name() {
      return sourceName(kind);
    }

    @Override
    public SessionKind kind() {
      return kind;
    }

    @Override
    public SourceStatus status() {
      return new SourceStatus(name(), kind, true, "simulated sessions");
    }

    @Override
    public List<Session> list() {
      return DemoHost.this.list(kind);
    }

    @Override
    public ActionResult perform(Session session, SessionAction action) throws ActionException {
      return DemoHost.this.perform(kind, session, action);
    }
  }
}
