package dev.sessionwatch.agent.panel;

import java.time.Instant;
import java.util.Objects;

/**
 * One open panel session as Plesk's {@code session/get} lists it. Every field but the id is null
 * when Plesk leaves it out or empty.
 *
 * @param id Plesk's session id, which is the session's token (the same id {@code
 *     server/create_session} hands out for logging in): a secret, kept inside the agent and out of
 *     {@link #toString}
 * @param type the kind of Plesk user: admin, reseller, client, domain-admin, mail-user
 * @param ipAddress where the user's browser connects from
 * @param login the user's login name
 * @param loginTime when the session began
 * @param idle when the user last did something in the panel
 */
record PleskSession(
    String id, String type, String ipAddress, String login, Instant loginTime, Instant idle) {

  PleskSession {
    Objects.requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return "PleskSession[login="
        + login
        + ", type="
        + type
        + ", ipAddress="
        + ipAddress
        + ", loginTime="
        + loginTime
        + ", idle="
        + idle
        + "]";
  }
}
