package dev.sessionwatch.bench;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

/** Session lists of a simulated busy host, the same for every run. */
final class DemoLists {
  private DemoLists() {}

  /** What an agent serving a demo host of about {@code sessions} sessions answers. */
  static SessionList of(int sessions) {
    Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    DemoHost host = new DemoHost("bench", 42, clock, sessions);
    SessionCatalog.Collected collected =
        new SessionCatalog(host.sources(), clock).collect(EnumSet.allOf(SessionKind.class));
    return new SessionList(
        host.hostName(), collected.collectedAt(), collected.sessions(), collected.errors());
  }
}
