package dev.sessionwatch.agent.source;

import dev.sessionwatch.protocol.ActionRequest;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source whose sessions a test sets, for testing the layers above the seam. Acting on a session
 * removes it, as a real source's ending does, but a message leaves it; a failure of listing or of
 * acting can be switched on.
 */
public final class FixtureSource implements SessionSource {
  private final String name;
  private final SessionKind kind;
  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private final List<String> performed = new CopyOnWriteArrayList<>();
  private final AtomicInteger listings = new AtomicInteger();
  private volatile String failure;
  private volatile ActionFailure actionFailure;

  private record ActionFailure(ActionException.Reason reason, String message) {}

  private volatile CountDownLatch gate;

  public FixtureSource(String name, SessionKind kind) {
    this.name = name;
    this.kind = kind;
  }

  /** Adds a session with this id suffix and user, offering these actions. */
  public Session add(String idSuffix, String user, SessionAction... actions) {
    Session session =
        Session.builder(name + ":" + idSuffix, kind, name).user(user).actions(actions).build();
    sessions.add(session);
    return session;
  }

  public void remove(String id) {
    sessions.removeIf(s -> s.id().equals(id));
  }

  /** Makes every later listing fail with this message; null heals it. */
  public void failWith(String message) {
    failure = message;
  }

  /** Makes every later action fail for this reason, as a real source's would; null heals it. */
  public void failActionsWith(ActionException.Reason reason, String message) {
    actionFailure = reason == null ? null : new ActionFailure(reason, message);
  }

  /** How many times the sessions were listed. */
  public int listings() {
    return listings.get();
  }

  /** Makes every later listing wait (at most 10 s) until {@code released} is counted down. */
  public void holdListingsUntil(CountDownLatch released) {
    gate = released;
  }

  /** "id action" for each action carried out; "id message TEXT" for a message. */
  public List<String> performed() {
    return List.copyOf(performed);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SessionKind kind() {
    return kind;
  }

  @Override
  public SourceStatus status() {
    return SourceStatus.available(name, kind);
  }

  @Override
  public List<Session> list() throws SourceException {
    listings.incrementAndGet();
    CountDownLatch held = gate;
    try {
      if (held != null && !held.await(10, TimeUnit.SECONDS)) {
        throw new SourceException("held for more than 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while held");
    }
    if (failure != null) {
      throw new SourceException(failure);
    }
    return new ArrayList<>(sessions);
  }

  @Override
  public ActionResult perform(Session session, SessionAction action) throws ActionException {
    ActionFailure failing = actionFailure;
    if (failing != null) {
      throw new ActionException(failing.reason(), failing.message());
    }
    if (!sessions.removeIf(s -> s.id().equals(session.id()))) {
      throw new ActionException(ActionException.Reason.GONE, session.id() + " has ended");
    }
    performed.add(session.id() + " " + action.wireName());
    return new ActionResult(true, "ended " + session.id());
  }

  @Override
  public ActionResult perform(Session session, SessionAction action, ActionRequest request)
      throws ActionException {
    if (action != SessionAction.MESSAGE) {
      return perform(session, action);
    }
    if (sessions.stream().noneMatch(s -> s.id().equals(session.id()))) {
      throw new ActionException(ActionException.Reason.GONE, session.id() + " has ended");
    }
    performed.add(session.id() + " message " + request.text());
    return new ActionResult(false, "showed a message to " + session.id());
  }
}
