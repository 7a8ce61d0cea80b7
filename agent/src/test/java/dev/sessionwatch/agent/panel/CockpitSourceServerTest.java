package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.testing.Await;
import dev.sessionwatch.agent.testing.CockpitServer;
import dev.sessionwatch.agent.testing.UserAccount;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cockpit source against the real cockpit-ws on loopback, logged in to as a browser does.
 * Skipped where root or Cockpit is missing.
 */
class CockpitSourceServerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private CockpitServer server;
  private UserAccount account;
  private final CockpitSource source = new CockpitSource(CockpitSettings.defaults());

  @BeforeEach
  void start() throws Exception {
    server = CockpitServer.start(dir);
    account = UserAccount.create();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (account != null) {
      account.close();
    }
  }

  private Optional<Session> listed() throws Exception {
    return source.list().stream().filter(s -> account.user().equals(s.user())).findFirst();
  }

  @Test
  void listsALoginWithItsUserAddressAndLoginTime() throws Exception {
    Instant before = Instant.now();
    try (CockpitServer.Login login = server.logIn(account.user(), account.password())) {
      Session session = Await.value(account.user() + "'s Cockpit login", TIMEOUT, this::listed);

      assertThat(session.id()).startsWith("cockpit:");
      assertThat(session.panel()).isEqualTo("cockpit");
      assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
      // The boot time is known to the second only.
      assertThat(session.loginTime())
          .isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
      assertThat(session.idleSince()).isNull();
      assertThat(session.actions()).containsExactly(SessionAction.END);
    }
  }

  @Test
  void endingALoginClosesTheBrowsersSocketAndRefusesItsCookie() throws Exception {
    try (CockpitServer.Login login = server.logIn(account.user(), account.password())) {
      Session session = Await.value(account.user() + "'s Cockpit login", TIMEOUT, this::listed);
      assertThat(login.statusWithCookie()).isEqualTo(200);

      ActionResult result = source.perform(session, SessionAction.END);

      assertThat(result.sessionEnded()).as(result.message()).isTrue();
      assertThat(login.awaitClosedByServer(TIMEOUT)).isPositive();
      assertThat(login.statusWithCookie()).isEqualTo(401);
      Await.until("the login to be gone from the list", TIMEOUT, () -> listed().isEmpty());
    }
  }
}
