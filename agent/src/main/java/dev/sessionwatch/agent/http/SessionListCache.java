package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionChanges;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import dev.sessionwatch.protocol.SourceError;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The answers of {@code GET /v1/sessions}, shared by every caller for a short refresh window: the
 * sources are read at most once per window however many consoles poll, one read at a time (callers
 * that arrive during a read wait for it and take its result), and each answer's body and ETag are
 * computed at most once per read, so an unchanged host costs a comparison of two strings.
 *
 * <p>The last few reads' answers are remembered (their sessions, not their bodies), so a console
 * that names one of them gets that list's changes instead of the whole list. An action through the
 * agent ends the window early, so the console that acted sees its outcome at once. Thread-safe.
 */
final class SessionListCache {
  /**
   * A list and its ETag, which covers everything but the collection time; its body is rendered
   * once, when first asked for: consoles that take changes rarely need it.
   */
  static final class Answer {
    private final String etag;
    private final SessionList list;
    private final long readNumber;
    private byte[] body;

    /** The changes from each remembered answer to this one, by its ETag, as rendered. */
    private final Map<String, byte[]> changes = new ConcurrentHashMap<>();

    private Answer(String etag, SessionList list, long readNumber) {
      this.etag = etag;
      this.list = list;
      this.readNumber = readNumber;
    }

    /** Whether it says what {@code other} says, but perhaps not when. */
    private boolean sameAs(SessionList other) {
      return list.sessions().equals(other.sessions()) && list.errors().equals(other.errors());
    }

    String etag() {
      return etag;
    }

    SessionList list() {
      return list;
    }

    synchronized byte[] body() {
      if (body == null) {
        body = Response.toJson(list);
      }
      return body;
    }
  }

  /** How many reads before the current one a console's list may come from and still be changed. */
  private static final int REMEMBERED_READS = 3;

  private static final Set<SessionKind> ALL_KINDS = EnumSet.allOf(SessionKind.class);

  private final SessionCatalog catalog;
  private final String hostName;
  private final Clock clock;
  private final Duration window;
  private final Object reading = new Object();
  private volatile Read last;

  /** The reads before the last, newest first; guarded by {@link #reading}. */
  private final Deque<Read> earlier = new ArrayDeque<>();

  /** Reads so far; guarded by {@link #reading}. */
  private long reads;

  /**
   * Each set of kinds' answer from the newest read that rendered one, by its bits: a later list
   * that says the same keeps its ETag. Guarded by itself.
   */
  private final Answer[] newest = new Answer[1 << SessionKind.values().length];

  /**
   * Makes this agent's ETags its own: a restarted agent numbers its lists from 1 again, and must
   * not answer 304 to a list its predecessor gave.
   */
  private final String etagPrefix = HexFormat.of().toHexDigits(new SecureRandom().nextLong());

  /** ETags given so far; guarded by {@link #newest}. */
  private long etags;

  /**
   * @param window how long one read of the sources answers every request
   */
  SessionListCache(SessionCatalog catalog, String hostName, Clock clock, Duration window) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.hostName = Objects.requireNonNull(hostName, "hostName");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = Objects.requireNonNull(window, "window");
  }

  /** The sessions of these kinds, as last read within the window. */
  Answer answer(Set<SessionKind> kinds) {
    return current().answer(kinds);
  }

  /**
   * The changes of {@code now} (an answer of these kinds) since the remembered answer with this
   * ETag, as a body ready to send; empty when no remembered answer has it.
   */
  Optional<byte[]> changesSince(Set<SessionKind> kinds, Answer now, String baseEtag) {
    // Rendered once per answer for every console whose list was the same; kept with the answer
    // they change to, which a newer read may already have replaced as the last. An ETag it does
    // not remember is not kept: any client may send any number of them.
    return Optional.ofNullable(
        now.changes.computeIfAbsent(
            baseEtag, key -> base(kinds, key).map(base -> changes(base, now)).orElse(null)));
  }

  private Optional<Answer> base(Set<SessionKind> kinds, String etag) {
    List<Read> reads;
    synchronized (reading) {
      reads = List.copyOf(earlier);
    }
    return reads.stream()
        .map(read -> read.answers.get(kindsIndex(kinds)))
        .filter(answer -> answer != null && answer.etag().equals(etag))
        .findFirst();
  }

  private static byte[] changes(Answer base, Answer now) {
    return Response.toJson(SessionChanges.between(base.list().sessions(), now.list()));
  }

  private static int kindsIndex(Set<SessionKind> kinds) {
    return kinds.stream().mapToInt(kind -> 1 << kind.ordinal()).sum();
  }

  private Read current() {
    Read read = last;
    if (isFresh(read)) {
      return read;
    }
    synchronized (reading) {
      read = last;
      if (isFresh(read)) {
        return read; // read by the caller this one waited for
      }
      if (read != null) {
        earlier.addFirst(read);
        if (earlier.size() > REMEMBERED_READS) {
          earlier.removeLast();
        }
      }
      last = null;
      long actionsBefore = catalog.actionCount();
      read = new Read(catalog.collect(EnumSet.allOf(SessionKind.class)), actionsBefore, ++reads);
      read.answer(ALL_KINDS); // what consoles ask for: its ETag ready before the window starts
      read.freshUntil = clock.instant().plus(window);
      last = read;
      return read;
    }
  }

  private boolean isFresh(Read read) {
    return read != null
        && read.actionsBefore == catalog.actionCount()
        && clock.instant().isBefore(read.freshUntil);
  }

  /** One read of every source, and the answers rendered from it as they are asked for. */
  private final class Read {
    private final SessionCatalog.Collected collected;
    private final long actionsBefore;
    private final long number;
    private volatile Instant freshUntil = Instant.MIN;

    /** One per set of kinds, by its bits; of two racing renderings, the first is kept. */
    private final AtomicReferenceArray<Answer> answers =
        new AtomicReferenceArray<>(1 << SessionKind.values().length);

    private Read(SessionCatalog.Collected collected, long actionsBefore, long number) {
      this.collected = collected;
      this.actionsBefore = actionsBefore;
      this.number = number;
    }

    private Answer answer(Set<SessionKind> kinds) {
      int index = kindsIndex(kinds);
      Answer answer = answers.get(index);
      if (answer == null) {
        answers.compareAndSet(index, null, render(kinds));
        answer = answers.get(index);
      }
      return answer;
    }

    private Answer render(Set<SessionKind> kinds) {
      List<Session> sessions =
          collected.sessions().stream().filter(s -> kinds.contains(s.kind())).toList();
      List<SourceError> errors =
          collected.errors().stream()
              .filter(error -> catalog.sourceKind(error.source()).map(kinds::contains).orElse(true))
              .toList();
      SessionList list = new SessionList(hostName, collected.collectedAt(), sessions, errors);
      return withEtag(kindsIndex(kinds), list, number);
    }
  }

  /**
   * The list as an answer: with the ETag of the newest answer of its kinds when it says the same,
   * else with a new one. Comparing the sessions costs far less than hashing their JSON would, and a
   * console that takes changes never needs that JSON.
   */
  private Answer withEtag(int kindsIndex, SessionList list, long readNumber) {
    synchronized (newest) {
      Answer previous = newest[kindsIndex];
      String etag =
          previous != null && previous.sameAs(list)
              ? previous.etag
              : '"' + etagPrefix + '-' + ++etags + '"';
      Answer answer = new Answer(etag, list, readNumber);
      if (previous == null || previous.readNumber < readNumber) {
        newest[kindsIndex] = answer;
      }
      return answer;
    }
  }
}
