package dev.sessionwatch.app.fleet;

import dev.sessionwatch.protocol.HostInfo;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.SessionAction;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the console's token may do on one host, as its agent said in {@code GET /v1/host}: the
 * console shows the actions it may not take as unavailable instead of failing after the click.
 *
 * @param permitted the actions the token may take (none for a viewer token)
 */
public record TokenAccess(Role role, Set<SessionAction> permitted) {

  public TokenAccess {
    Objects.requireNonNull(role, "role");
    permitted = Set.copyOf(permitted);
  }

  /** From the agent's description; an older agent that lists no actions goes by the role. */
  public static TokenAccess of(HostInfo info) {
    Set<SessionAction> permitted = EnumSet.noneOf(SessionAction.class);
    for (SessionAction action : SessionAction.values()) {
      if (info.permits(action)) {
        permitted.add(action);
      }
    }
    return new TokenAccess(info.role() != null ? info.role() : Role.VIEWER, permitted);
  }

  public boolean permits(SessionAction action) {
    return permitted.contains(action);
  }

  /** Why the token may not take the action on {@code host}, in words; empty when it may. */
  public Optional<String> refusal(String host, SessionAction action) {
    if (permits(action)) {
      return Optional.empty();
    }
    if (!role.mayAct()) {
      return Optional.of("the token for " + host + " is a viewer token: it may read, not act");
    }
    String allowed =
        permitted.stream()
            .sorted()
            .map(SessionAction::label)
            .map(label -> label.toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    return Optional.of(
        "the token for "
            + host
            + (allowed.isEmpty() ? " may take no action" : " is limited to: " + allowed));
  }
}
