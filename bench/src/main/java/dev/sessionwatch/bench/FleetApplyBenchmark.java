package dev.sessionwatch.bench;

import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.agent.SessionSnapshot;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.ListingDiff;
import dev.sessionwatch.protocol.SessionList;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The console's diff apply: one host's answer of 100 sessions, one of them changed, diffed against
 * its previous listing (on the poller's thread in the console) and applied to a fleet of {@code
 * servers} such hosts (on the FX thread). Its cost should not grow with the fleet.
 */
@State(Scope.Benchmark)
public class FleetApplyBenchmark {
  @Param({"50", "200", "500"})
  public int servers;

  private final Fleet fleet = new Fleet(Clock.systemUTC());
  private final List<Host> hosts = new ArrayList<>();
  private final List<List<AgentResponse<SessionSnapshot>>> answers = new ArrayList<>();
  private final List<ListingDiff> listings = new ArrayList<>();
  private int next;

  @Setup
  public void fillFleet() {
    for (int index = 0; index < servers; index++) {
      SyntheticHost host = new SyntheticHost("srv" + index, 100);
      Host added = fleet.addHost("srv" + index);
      hosts.add(added);
      // Two answers one change apart: applying them in turn changes one row each time.
      answers.add(List.of(host.refreshed(), host.refreshed()));
      listings.add(new ListingDiff());
      apply(index, 0);
    }
  }

  @Benchmark
  public Fleet applyOneHostsRefresh() {
    int host = next % servers;
    int which = next / servers % 2 == 0 ? 1 : 0;
    next++;
    apply(host, which);
    return fleet;
  }

  private void apply(int host, int which) {
    AgentResponse<SessionSnapshot> answer = answers.get(host).get(which);
    SessionList listed = ((AgentResponse.Success<SessionSnapshot>) answer).value().list();
    fleet.apply(hosts.get(host), answer, listings.get(host).next(listed));
  }
}
