package dev.sessionwatch.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.ActionOutcome;
import dev.sessionwatch.protocol.ActionRequest;
import dev.sessionwatch.protocol.AuditEntry;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/sessions/{id}/{action}}: acts on a session for an operator token, and writes
 * every attempt, allowed or refused, to the audit log; an allowed one is written once before it is
 * carried out too, and not carried out when that fails.
 */
final class ActionHandler implements Handler {
  private static final Logger LOG = Logger.getLogger(ActionHandler.class.getName());
  private static final String KNOWN_ACTIONS =
      Arrays.stream(SessionAction.values())
          .map(SessionAction::wireName)
          .collect(Collectors.joining(", "));

  private final SessionCatalog catalog;
  private final Authenticator authenticator;
  private final AuditLog auditLog;
  private final Clock clock;

  ActionHandler(
      SessionCatalog catalog, Authenticator authenticator, AuditLog auditLog, Clock clock) {
    this.catalog = catalog;
    this.authenticator = authenticator;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  @Override
  public Response handle(ApiRequest request, Token unused) throws ApiException, IOException {
    Attempt attempt = new Attempt(request.segment(2), request.segment(3), request.clientAddress());
    try {
      ActionOutcome outcome = act(request, attempt);
      record(attempt, AuditEntry.Outcome.DONE, 200, outcome.message());
      return Response.json(200, outcome);
    } catch (ApiException e) {
      // Failed: tried and did not work (500); anything else was not tried at all.
      AuditEntry.Outcome outcome =
          e.status() == 500 ? AuditEntry.Outcome.FAILED : AuditEntry.Outcome.REFUSED;
      record(attempt, outcome, e.status(), e.getMessage());
      throw e;
    }
  }

  private ActionOutcome act(ApiRequest request, Attempt attempt) throws ApiException, IOException {
    request.query(Set.of());
    Token caller = authenticator.authenticate(request);
    attempt.tokenName = caller.name();
    SessionAction action =
        SessionAction.find(attempt.action)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no action '"
                            + ApiRequest.printable(attempt.action)
                            + "'; actions are "
                            + KNOWN_ACTIONS));
    TokenLimits.requireAction(caller, action);
    TokenLimits.requireKindOf(caller, catalog, attempt.sessionId);
    ActionRequest parameters = parameters(request.body(), action);
    Session session = SessionHandler.find(catalog, attempt.sessionId);
    attempt.user = session.user();
    attempt.source = session.source();
    recordBeforeActing(attempt, action);
    try {
      ActionResult result = catalog.perform(session, action, parameters);
      return new ActionOutcome(
          session.id(), action, clock.instant(), result.sessionEnded(), result.message());
    } catch (ActionException e) {
      throw switch (e.reason()) {
        case GONE -> ApiException.notFound(e.getMessage());
        case NOT_OFFERED -> ApiException.conflict(e.getMessage());
        case PROTECTED -> ApiException.protectedProcess(e.getMessage());
        case FAILED -> ApiException.actionFailed(e.getMessage());
      };
    }
  }

  /**
   * The request body: none, or a JSON {@link ActionRequest}; a text only for {@code message}, and
   * only one that can be passed on safely.
   */
  private static ActionRequest parameters(byte[] body, SessionAction action) throws ApiException {
    ActionRequest parameters;
    try {
      parameters =
          body.length == 0
              ? ActionRequest.NONE
              : Json.mapper().readValue(body, ActionRequest.class);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "the body is not an action request ({\"text\": \"...\"}): " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("the body cannot be read: " + e.getMessage());
    }
    if (parameters == null) {
      return ActionRequest.NONE;
    }
    if (action != SessionAction.MESSAGE) {
      if (parameters.text() != null) {
        throw ApiException.badRequest(action.wireName() + " takes no text; only message does");
      }
      return parameters;
    }
    String problem = ActionRequest.textProblem(parameters.text()).orElse(null);
    if (problem != null) {
      throw ApiException.badRequest(problem);
    }
    return parameters;
  }

  /**
   * Writes the entry that says the action is about to be taken: an action the log cannot record is
   * not taken (503), while reading sessions goes on without the log.
   */
  private void recordBeforeActing(Attempt attempt, SessionAction action) throws ApiException {
    try {
      auditLog.append(
          entry(attempt, AuditEntry.Outcome.REQUESTED, 0, "about to " + action.label()));
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "refusing an action: the audit log cannot be written", e);
      throw ApiException.auditUnavailable(
          "no action is taken while the audit log cannot be written: " + e.getMessage());
    }
  }

  /** Writes how an attempt ended; when even that fails, the agent's log says so. */
  private void record(Attempt attempt, AuditEntry.Outcome outcome, int status, String message) {
    try {
      auditLog.append(entry(attempt, outcome, status, message));
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "could not write to the audit log " + auditLog.file(), e);
    }
  }

  private AuditEntry entry(
      Attempt attempt, AuditEntry.Outcome outcome, int status, String message) {
    return new AuditEntry(
        clock.instant(),
        attempt.tokenName,
        attempt.clientAddress,
        attempt.sessionId,
        attempt.action,
        attempt.user,
        attempt.source,
        outcome,
        status,
        message);
  }

  /** What is known of an action request so far, for its audit entry. */
  private static final class Attempt {
    final String sessionId;
    final String action;
    final String clientAddress;
    String tokenName;
    String user;
    String source;

    Attempt(String sessionId, String action, String clientAddress) {
      this.sessionId = sessionId;
      this.action = action;
      this.clientAddress = clientAddress;
    }
  }
}
