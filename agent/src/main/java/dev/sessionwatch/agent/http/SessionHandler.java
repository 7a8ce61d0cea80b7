package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import java.util.Set;

/** {@code GET /v1/sessions/{id}}: one session, read afresh from its source. */
final class SessionHandler implements Handler {
  private final SessionCatalog catalog;

  SessionHandler(SessionCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Response handle(ApiRequest request, Token caller) throws ApiException {
    request.query(Set.of());
    TokenLimits.requireKindOf(caller, catalog, request.segment(2));
    return Response.json(200, find(catalog, request.segment(2)));
  }

  /** The session with this id, or 404; 503 when its source cannot be read now. */
  static Session find(SessionCatalog catalog, String id) throws ApiException {
    try {
      return catalog
          .find(id)
          .orElseThrow(
              () ->
                  ApiException.notFound(
                      "no session "
                          + ApiRequest.printable(id)
                          + " on this host (it may have"
                          + " ended)"));
    } catch (SourceException e) {
      throw ApiException.sourceUnavailable(e.getMessage());
    }
  }
}
