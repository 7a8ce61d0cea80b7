package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script's JSON as the protocol's FTP sessions. */
class IisFtpSessionTest {

  private static List<Session> sessions() {
    return IisFtpSession.parse(Recorded.text("iis-ftp-sessions-three.json")).stream()
        .map(IisFtpSession::toSession)
        .toList();
  }

  @Test
  void mapsEveryAttributeOfADownload() {
    Session download = sessions().get(0);

    assertThat(download.kind()).isEqualTo(SessionKind.FTP);
    assertThat(download.source()).isEqualTo("iis-ftp");
    assertThat(download.id()).matches("iis-ftp:2-8a1c2f9e-3b4d-4e5f-a6b7-c8d9e0f1a2b3-[0-9a-f]{8}");
    assertThat(download.domain()).isEqualTo("Default FTP Site");
    assertThat(download.user()).isEqualTo("alice");
    assertThat(download.userType()).isNull();
    assertThat(download.clientAddress()).isEqualTo("203.0.113.7");
    assertThat(download.state()).isEqualTo("downloading");
    assertThat(download.currentCommand()).isEqualTo("RETR");
    assertThat(download.previousCommand()).isEqualTo("PASV");
    assertThat(download.commandStartTime()).isEqualTo(Instant.parse("2026-11-23T09:41:07Z"));
    assertThat(download.loginTime()).isEqualTo(Instant.parse("2026-11-23T09:15:02Z"));
    assertThat(download.bytesSent()).isEqualTo(52_000_000L);
    assertThat(download.bytesReceived()).isEqualTo(1024L);
    assertThat(download.lastReplyCode()).isEqualTo(150);
    assertThat(download.actions()).containsExactly(SessionAction.END);
    assertThat(download.attributes())
        .containsEntry("siteId", "2")
        .containsEntry("sessionId", "8a1c2f9e-3b4d-4e5f-a6b7-c8d9e0f1a2b3")
        .containsEntry("sessionStartTime", "2026-11-23T10:15:02.0000000+01:00")
        .containsEntry("lastErrorStatus", "150");
  }

  @Test
  void marksAnAnonymousLoginAndLeavesALocalTimeUnread() {
    Session anonymous = sessions().get(1);

    assertThat(anonymous.user()).isEqualTo("<Anonymous>");
    assertThat(anonymous.userType()).isEqualTo("anonymous");
    assertThat(anonymous.clientAddress()).isEqualTo("2001:db8::15");
    assertThat(anonymous.state()).isEqualTo("idle");
    assertThat(anonymous.currentCommand()).isNull();
    assertThat(anonymous.commandStartTime()).isNull();
    assertThat(anonymous.loginTime()).isNull();
    assertThat(anonymous.attributes()).containsEntry("sessionStartTime", "11/23/2026 10:30:45 AM");
  }

  @Test
  void aLoginInProgressHasNoUserAndNoReplyCodeForZero() {
    Session authenticating = sessions().get(2);

    assertThat(authenticating.state()).isEqualTo("authenticating");
    assertThat(authenticating.user()).isNull();
    assertThat(authenticating.domain()).isEqualTo("shop.example – uploads");
    assertThat(authenticating.lastReplyCode()).isNull();
    assertThat(authenticating.id()).startsWith("iis-ftp:5-{5c7e}-");
  }

  @Test
  void theIdChangesWithTheStartTime() {
    IisFtpSession first = IisFtpSession.parse(Recorded.text("iis-ftp-sessions-three.json")).get(0);
    IisFtpSession reused =
        new IisFtpSession(
            first.siteId(),
            first.site(),
            first.sessionId(),
            "bob",
            first.clientIp(),
            0,
            0,
            "",
            "",
            "",
            "2026-11-23T11:00:00.0000000+01:00",
            0);

    assertThat(reused.id()).isNotEqualTo(first.id());
  }

  @Test
  void offersNoEndForASessionIdTheScriptWouldRefuse() {
    IisFtpSession odd =
        new IisFtpSession(
            1, "s", "-x y", "bob", "192.0.2.1", 0, 0, "", "", "", "2026-11-23T11:00:00Z", 0);

    assertThat(odd.terminable()).isFalse();
    assertThat(odd.toSession().actions()).isEmpty();
  }

  @Test
  void readsNoSession() {
    assertThat(IisFtpSession.parse(Recorded.text("iis-ftp-sessions-none.json"))).isEmpty();
  }

  @Test
  void refusesOtherJson() {
    assertThatThrownBy(() -> IisFtpSession.parse("[]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IisFtpSession.parse("{\"sessions\":[{\"siteId\":\"2\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("siteId");
    assertThatThrownBy(() -> IisFtpSession.parse("Access is denied."))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
