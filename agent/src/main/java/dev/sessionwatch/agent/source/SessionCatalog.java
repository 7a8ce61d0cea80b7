package dev.sessionwatch.agent.source;

import dev.sessionwatch.protocol.ActionRequest;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceError;
import dev.sessionwatch.protocol.SourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The enabled sources of a host, asked together: each source fails alone, and an action reaches
 * only the source that listed the session.
 */
public final class SessionCatalog {
  private static final Logger LOG = Logger.getLogger(SessionCatalog.class.getName());

  private final Map<String, SessionSource> sourcesByName = new LinkedHashMap<>();
  private final Clock clock;
  private final AtomicLong actions = new AtomicLong();

  public SessionCatalog(List<SessionSource> sources) {
    this(sources, Clock.systemUTC());
  }

  public SessionCatalog(List<SessionSource> sources, Clock clock) {
    for (SessionSource source : sources) {
      if (sourcesByName.putIfAbsent(source.name(), source) != null) {
        throw new IllegalArgumentException("two sources are named " + source.name());
      }
    }
    this.clock = clock;
  }

  /** The sessions of every available source of these kinds, and the sources that failed. */
  public record Collected(Instant collectedAt, List<Session> sessions, List<SourceError> errors) {}

  public List<SourceStatus> statuses() {
    return sourcesByName.values().stream().map(SessionSource::status).toList();
  }

  public Collected collect(Set<SessionKind> kinds) {
    Instant collectedAt = clock.instant();
    List<Session> sessions = new ArrayList<>();
    List<SourceError> errors = new ArrayList<>();
    for (SessionSource source : sourcesByName.values()) {
      if (!kinds.contains(source.kind()) || !source.status().available()) {
        continue;
      }
      try {
        SessionSource.Listing listing = listChecked(source);
        sessions.addAll(listing.sessions());
        listing.problems().forEach(problem -> errors.add(new SourceError(source.name(), problem)));
      } catch (SourceException e) {
        errors.add(new SourceError(source.name(), e.getMessage()));
      }
    }
    return new Collected(collectedAt, sessions, errors);
  }

  /** The kind of sessions the source of this name lists; empty for no such source. */
  public Optional<SessionKind> sourceKind(String sourceName) {
    return Optional.ofNullable(sourcesByName.get(sourceName)).map(SessionSource::kind);
  }

  /**
   * How many actions were attempted through this catalog: a list collected before this count moved
   * may show a session an action has since ended.
   */
  public long actionCount() {
    return actions.get();
  }

  /**
   * Lists the session's source again and returns the session if it is still there.
   *
   * @throws SourceException when that source cannot be read now
   */
  public Optional<Session> find(String id) throws SourceException {
    Optional<SessionSource> source = owner(id);
    if (source.isEmpty() || !source.get().status().available()) {
      return Optional.empty();
    }
    return listChecked(source.get()).sessions().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * Carries out an action on a session after listing its source again, so that only a session that
   * still exists, and still offers the action, is acted on.
   *
   * @param request what came with the action (a message's text), already checked
   */
  public ActionResult perform(Session session, SessionAction action, ActionRequest request)
      throws ActionException {
    if (!session.allows(action)) {
      throw new ActionException(
          ActionException.Reason.NOT_OFFERED,
          "session " + session.id() + " does not offer " + action.wireName());
    }
    SessionSource source =
        owner(session.id())
            .orElseThrow(
                () ->
                    new ActionException(
                        ActionException.Reason.GONE, "no source lists " + session.id()));
    try {
      return source.perform(session, action, request);
    } finally {
      actions.incrementAndGet();
    }
  }

  /**
   * The kind of session an id names, from the source its prefix names, without listing anything;
   * empty when no enabled source has that name.
   */
  public Optional<SessionKind> kindOf(String id) {
    return owner(id).map(SessionSource::kind);
  }

  private Optional<SessionSource> owner(String id) {
    int colon = id.indexOf(':');
    return colon <= 0
        ? Optional.empty()
        : Optional.ofNullable(sourcesByName.get(id.substring(0, colon)));
  }

  /** A source's list, sorted by id so that an unchanged host answers byte-identical lists. */
  private static SessionSource.Listing listChecked(SessionSource source) throws SourceException {
    SessionSource.Listing listing;
    try {
      listing = source.listing();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "source " + source.name() + " failed", e);
      throw new SourceException("internal error in source " + source.name() + ": " + e, e);
    }
    String prefix = source.name() + ":";
    for (Session session : listing.sessions()) {
      if (!session.id().startsWith(prefix) || session.kind() != source.kind()) {
        throw new SourceException(
            "source " + source.name() + " listed a session it does not own: " + session.id());
      }
    }
    return new SessionSource.Listing(
        listing.sessions().stream().sorted(Comparator.comparing(Session::id)).toList(),
        listing.problems());
  }
}
