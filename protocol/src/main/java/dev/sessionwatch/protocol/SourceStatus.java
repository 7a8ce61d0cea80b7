package dev.sessionwatch.protocol;

import java.util.Objects;

/**
 * Whether one source of sessions works on the host.
 *
 * @param name the source's configured name (utmp, proftpd, cockpit, ...)
 * @param available false when the source cannot list anything here
 * @param detail why it is unavailable, or a note on what it can see; null when there is nothing to
 *     say
 */
public record SourceStatus(String name, SessionKind kind, boolean available, String detail) {
  public SourceStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  public static SourceStatus available(String name, SessionKind kind) {
    return new SourceStatus(name, kind, true, null);
  }

  public static SourceStatus unavailable(String name, SessionKind kind, String why) {
    return new SourceStatus(name, kind, false, why);
  }
}
