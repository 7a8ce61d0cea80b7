package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.audit.AuditLog;
import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.AuditEntry;
import dev.sessionwatch.protocol.AuditTrail;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** {@code GET /v1/audit[?limit=N]}: the latest audit entries, newest first. */
final class AuditHandler implements Handler {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final AuditLog auditLog;
  private final SessionCatalog catalog;

  AuditHandler(AuditLog auditLog, SessionCatalog catalog) {
    this.auditLog = auditLog;
    this.catalog = catalog;
  }

  @Override
  public Response handle(ApiRequest request, Token caller) throws ApiException, IOException {
    String limit = request.query(Set.of("limit")).get("limit");
    List<AuditEntry> entries;
    try {
      entries = auditLog.latest(parseLimit(limit));
    } catch (IOException e) {
      throw ApiException.auditUnavailable(
          "cannot read the audit log " + auditLog.file() + ": " + e.getMessage());
    }
    if (caller.kinds() != null) {
      // A token limited to some kinds sees only entries on sessions of those kinds.
      entries =
          entries.stream()
              .filter(e -> catalog.kindOf(e.sessionId()).map(caller::maySee).orElse(false))
              .toList();
    }
    return Response.json(200, new AuditTrail(entries));
  }

  private static int parseLimit(String limit) throws ApiException {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
  }
}
