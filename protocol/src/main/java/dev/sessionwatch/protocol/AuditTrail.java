package dev.sessionwatch.protocol;

import java.util.List;

/** What {@code GET /v1/audit} answers: the latest audit entries, newest first. */
public record AuditTrail(List<AuditEntry> entries) {
  public AuditTrail {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
