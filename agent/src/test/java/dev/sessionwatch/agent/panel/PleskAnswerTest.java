package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plesk's answer packets, as its documentation gives them, read into sessions and errors. */
class PleskAnswerTest {

  private static final ZoneId UTC = ZoneOffset.UTC;

  /**
   * The sample of https://docs.plesk.com/en-US/12.5/zip/api-rpc.zip, "Retrieving Sessions List".
   */
  private static final String DOCUMENTED_GET =
      """
      <packet version="1.5.0.0">
        <session>
          <get>
            <result>
              <status>ok</status>
              <session>
                <id>6a17d01f5e1925601faa86ad22ada6ff</id>
                <type>admin</type>
                <ip-address>192.0.2.1</ip-address>
                <login>admin</login>
                <login-time>2007-02-20T05:21:00</login-time>
                <idle>2007-02-20T05:37:42</idle>
              </session>
              <session>
                <id>f15cabb0a544df13aee1ee5b55de0530</id>
                <type>JimmyJoe</type>
                <ip-address>192.0.2.2</ip-address>
                <login>client</login>
                <login-time>2007-02-21T23:42:00</login-time>
                <idle>2007-02-21T23:43:22</idle>
              </session>
            </result>
          </get>
        </session>
      </packet>
      """;

  @Test
  void readsEverySessionOfTheDocumentedGetAnswer() throws Exception {
    List<PleskSession> sessions = PleskAnswer.parse(DOCUMENTED_GET).sessions(UTC);

    assertThat(sessions)
        .containsExactly(
            new PleskSession(
                "6a17d01f5e1925601faa86ad22ada6ff",
                "admin",
                "192.0.2.1",
                "admin",
                Instant.parse("2007-02-20T05:21:00Z"),
                Instant.parse("2007-02-20T05:37:42Z")),
            new PleskSession(
                "f15cabb0a544df13aee1ee5b55de0530",
                "JimmyJoe",
                "192.0.2.2",
                "client",
                Instant.parse("2007-02-21T23:42:00Z"),
                Instant.parse("2007-02-21T23:43:22Z")));
  }

  @Test
  void readsTimesWithoutAZoneInThePanelsZone() throws Exception {
    List<PleskSession> sessions =
        PleskAnswer.parse(DOCUMENTED_GET).sessions(ZoneId.of("America/New_York"));

    assertThat(sessions.get(0).loginTime()).isEqualTo(Instant.parse("2007-02-20T10:21:00Z"));
  }

  @Test
  void readsTimesThatCarryAnOffsetAsGiven() throws Exception {
    String answer =
        DOCUMENTED_GET.replace(
            "<login-time>2007-02-20T05:21:00</login-time>",
            "<login-time>2007-02-20T05:21:00+01:00</login-time>");

    List<PleskSession> sessions = PleskAnswer.parse(answer).sessions(UTC);

    assertThat(sessions.get(0).loginTime()).isEqualTo(Instant.parse("2007-02-20T04:21:00Z"));
  }

  @Test
  void readsAnAnswerWithoutSessionsAsNone() throws Exception {
    String answer =
        "<packet><session><get><result><status>ok</status></result></get></session></packet>";

    assertThat(PleskAnswer.parse(answer).sessions(UTC)).isEmpty();
  }

  @Test
  void leavesOutFieldsPleskLeftEmpty() throws Exception {
    String answer =
        "<packet><session><get><result><status>ok</status>"
            + "<session><id>a66734b</id><type>admin</type><ip-address/></session>"
            + "</result></get></session></packet>";

    assertThat(PleskAnswer.parse(answer).sessions(UTC))
        .containsExactly(new PleskSession("a66734b", "admin", null, null, null, null));
  }

  @Test
  void systemErrorIsAPleskErrorOfTheWholeRequest() {
    String answer =
        """
        <?xml version="1.0"?>
                <packet version="1.6.8.0">
                        <system>
                                <status>error</status>
                                <errcode>11003</errcode>
                                <errtext>PleskAPIInvalidSecretKeyException : Invalid secret key usage. Please check logs for details.</errtext>
                        </system>       </packet>
        """
            .strip();

    assertThatThrownBy(() -> PleskAnswer.parse(answer).sessions(UTC))
        .isInstanceOfSatisfying(
            PleskException.class,
            e -> {
              assertThat(e.system()).isTrue();
              assertThat(e.code()).isEqualTo(11003);
              assertThat(e.isAuthentication()).isTrue();
              assertThat(e.text())
                  .isEqualTo(
                      "PleskAPIInvalidSecretKeyException : Invalid secret key usage."
                          + " Please check logs for details.");
            });
  }

  @Test
  void operationErrorIsAPleskErrorOfThatOperation() {
    String answer =
        "<packet><session><get><result><status>error</status><errcode>1006</errcode>"
            + "<errtext>Permission denied.</errtext></result></get></session></packet>";

    assertThatThrownBy(() -> PleskAnswer.parse(answer).sessions(UTC))
        .isInstanceOfSatisfying(
            PleskException.class,
            e -> {
              assertThat(e.system()).isFalse();
              assertThat(e.code()).isEqualTo(1006);
              assertThat(e).hasMessage("Permission denied. (Plesk error 1006)");
            });
  }

  @Test
  void acceptsTheDocumentedTerminateAnswer() throws Exception {
    String answer =
        """
        <packet>
        <session>
           <terminate>
              <result>
                 <status>ok</status>
              </result>
           </terminate>
        </session>
        </packet>
        """;

    PleskAnswer.parse(answer).terminated();
  }

  @Test
  void unknownSessionOfTheDocumentedTerminateAnswerIsObjectNotFound() {
    String answer =
        """
        <packet>
        <session>
           <terminate>
              <result>
                 <status>error</status>
                 <errcode>1013</errcode>
                 <errtext>Session does not exist</errtext>
              </result>
           </terminate>
        </session>
        </packet>
        """;

    assertThatThrownBy(() -> PleskAnswer.parse(answer).terminated())
        .isInstanceOfSatisfying(
            PleskException.class,
            e -> {
              assertThat(e.isCode(PleskException.OBJECT_NOT_FOUND)).isTrue();
              assertThat(e.system()).isFalse();
              assertThat(e.text()).isEqualTo("Session does not exist");
            });
  }

  @Test
  void refusesTextThatIsNotXml() {
    assertThatThrownBy(() -> PleskAnswer.parse("<html><body>502 Bad Gateway"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not well-formed XML");
  }

  @Test
  void refusesAnotherRootThanPacket() {
    assertThatThrownBy(() -> PleskAnswer.parse("<html/>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("its root is <html>, not <packet>");
  }

  @Test
  void refusesADocumentTypeSoNoEntityIsExpanded() {
    String answer =
        "<!DOCTYPE packet [<!ENTITY key SYSTEM \"file:///etc/passwd\">]>"
            + "<packet><session><get><result><status>ok</status><session><id>&key;</id>"
            + "</session></result></get></session></packet>";

    assertThatThrownBy(() -> PleskAnswer.parse(answer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void refusesASessionWithoutAnId() {
    String answer =
        "<packet><session><get><result><status>ok</status>"
            + "<session><login>admin</login></session></result></get></session></packet>";

    assertThatThrownBy(() -> PleskAnswer.parse(answer).sessions(UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a <session> without an <id>");
  }

  @Test
  void refusesATimeThatIsNotOne() {
    String answer = DOCUMENTED_GET.replace("2007-02-20T05:37:42", "yesterday");

    assertThatThrownBy(() -> PleskAnswer.parse(answer).sessions(UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("<idle> is not a date and time: yesterday");
  }

  @Test
  void refusesAnAnswerToAnotherOperation() {
    String answer =
        "<packet><session><terminate><result><status>ok</status></result></terminate>"
            + "</session></packet>";

    assertThatThrownBy(() -> PleskAnswer.parse(answer).sessions(UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no <get> answer");
  }

  @Test
  void refusesAStatusThatIsNeitherOkNorError() {
    String answer =
        "<packet><session><get><result><status>maybe</status></result></get></session></packet>";

    assertThatThrownBy(() -> PleskAnswer.parse(answer).sessions(UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a <status> that is neither ok nor error: maybe");
  }

  @Test
  void sessionsToStringHidesPlesksSessionToken() {
    PleskSession session =
        new PleskSession("6a17d01f5e1925601faa86ad22ada6ff", "admin", null, "admin", null, null);

    assertThat(session.toString()).doesNotContain("6a17d01f5e1925601faa86ad22ada6ff");
  }
}
