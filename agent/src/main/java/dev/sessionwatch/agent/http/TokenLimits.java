package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;

/** What a token's role and limits allow, checked the same way by every handler: 403 otherwise. */
final class TokenLimits {
  private TokenLimits() {}

  /** Refuses a kind of session the token is not limited to. */
  static void requireKind(Token caller, SessionKind kind) throws ApiException {
    if (!caller.maySee(kind)) {
      throw ApiException.forbidden(
          "token " + caller.name() + " is limited to " + caller.visibleKindNames() + " sessions");
    }
  }

  /**
   * Refuses a session id whose source lists a kind the token is not limited to, before that source
   * is asked for anything. An id no source owns passes: it is answered with 404 later.
   */
  static void requireKindOf(Token caller, SessionCatalog catalog, String sessionId)
      throws ApiException {
    if (catalog.kindOf(sessionId).isPresent()) {
      requireKind(caller, catalog.kindOf(sessionId).get());
    }
  }

  /** Refuses an action to a viewer token, or to an operator token limited to other actions. */
  static void requireAction(Token caller, SessionAction action) throws ApiException {
    if (!caller.role().mayAct()) {
      throw ApiException.forbidden(
          "token " + caller.name() + " is a viewer token: it may read sessions but not act");
    }
    if (!caller.mayTake(action)) {
      throw ApiException.forbidden(
          "token " + caller.name() + " is limited to the actions " + caller.permittedActionNames());
    }
  }
}
