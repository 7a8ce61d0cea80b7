package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The session file parser on literal files in cPanel's format, well-formed and not. */
class CpanelSessionFileTest {

  private static final long LOGIN = 1_764_000_000L;

  private static CpanelSessionFile parse(String text) throws IOException {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static CpanelSessionFile parse(byte[] bytes) throws IOException {
    return CpanelSessionFile.parse(new ByteArrayInputStream(bytes), CpanelSource.MAX_FILE_BYTES);
  }

  @Test
  void readsACpanelLogin() throws IOException {
    CpanelSessionFile file = parse(CpanelSessionTree.loggedIn("alice", "cpaneld", LOGIN));

    assertThat(file.user()).isEqualTo("alice");
    assertThat(file.ipAddress()).isEqualTo("203.0.113.7");
    assertThat(file.app()).isEqualTo("cpaneld");
    assertThat(file.userType()).isEqualTo("cPanel user");
    assertThat(file.loginTime()).isEqualTo(Instant.ofEpochSecond(LOGIN));
    assertThat(file.needsAuth()).isFalse();
    assertThat(file.registeredProcesses()).isEmpty();
  }

  @Test
  void readsAWhmLogin() throws IOException {
    CpanelSessionFile file = parse(CpanelSessionTree.loggedIn("root", "whostmgrd", LOGIN));

    assertThat(file.userType()).isEqualTo("WHM");
    assertThat(file.isWhm()).isTrue();
  }

  @Test
  void readsAWebmailLogin() throws IOException {
    CpanelSessionFile file =
        parse(CpanelSessionTree.loggedIn("bob@example.com", "webmaild", LOGIN));

    assertThat(file.user()).isEqualTo("bob@example.com");
    assertThat(file.userType()).isEqualTo("webmail");
    assertThat(file.isWhm()).isFalse();
  }

  @Test
  void leavesTheUserTypeOfAnUnknownServiceAbsent() throws IOException {
    CpanelSessionFile file = parse(CpanelSessionTree.loggedIn("alice", "cpdavd", LOGIN));

    assertThat(file.app()).isEqualTo("cpdavd");
    assertThat(file.userType()).isNull();
  }

  @Test
  void takesTheLoginTimeOfAnExternalLogin() throws IOException {
    CpanelSessionFile file =
        parse(
            """
            user=alice
            origin_as_string=address=203.0.113.7,app=cpaneld,method=openid_connect
            successful_external_auth_with_timestamp=1764000100
            """);

    assertThat(file.loginTime()).isEqualTo(Instant.ofEpochSecond(1_764_000_100L));
  }

  @Test
  void keepsNoValueOutsideTheWhitelist() throws IOException {
    CpanelSessionFile file = parse(CpanelSessionTree.loggedIn("alice", "cpaneld", LOGIN));

    assertThat(file.toString()).doesNotContain(CpanelSessionTree.SECRETS);
  }

  @Test
  void readsRegisteredProcessesAsUpids() throws IOException {
    CpanelSessionFile file =
        parse(
            CpanelSessionTree.loggedIn(
                "alice",
                "cpaneld",
                LOGIN,
                "registered_processes=4242.123456.1763990000,4250.123999.1763990000,junk"));

    assertThat(file.registeredProcesses())
        .containsExactly(
            new CpanelSessionFile.RegisteredProcess(4242, 123456, 1_763_990_000L),
            new CpanelSessionFile.RegisteredProcess(4250, 123999, 1_763_990_000L));
    assertThat(file.unreadableProcesses()).isEqualTo(1);
  }

  @Test
  void readsASessionWaitingForItsLogin() throws IOException {
    CpanelSessionFile file =
        parse(
            """
            needs_auth=1
            origin_as_string=address=203.0.113.7,app=cpaneld,method=handle_form_login
            ip_address=203.0.113.7
            cp_security_token=/cpsess0228251236
            """);

    assertThat(file.needsAuth()).isTrue();
    assertThat(file.user()).isNull();
  }

  @Test
  void refusesBinaryData() {
    byte[] junk = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, '=', 'x'};

    assertThatThrownBy(() -> parse(junk)).hasMessage("line 1 holds binary data");
  }

  @Test
  void refusesAPasswordLineSplitByCarriageReturnAndLineFeed() {
    // The shape CVE-2026-41940 left on disk: pass=x\r\n followed by forged fields.
    String forged =
        "user=root\n"
            + "origin_as_string=address=172.17.0.1,app=whostmgrd,method=badpass\n"
            + "pass=x\r\nhasroot=1\r\nsuccessful_internal_auth_with_timestamp=9999999999\n";

    assertThatThrownBy(() -> parse(forged))
        .hasMessage("line 3 holds a carriage return, which cPanel never writes");
  }

  @Test
  void refusesALineThatIsNotKeyValue() {
    String split = CpanelSessionTree.loggedIn("alice", "cpaneld", LOGIN, "pass=first half", "x y");

    assertThatThrownBy(() -> parse(split)).hasMessage("line 17 is not key=value");
  }

  @Test
  void refusesAWhitelistedKeyTwice() {
    String twice = CpanelSessionTree.loggedIn("alice", "cpaneld", LOGIN, "user=root");

    assertThatThrownBy(() -> parse(twice)).hasMessage("its user appears twice");
  }

  @Test
  void refusesALoginWithoutUser() {
    String noUser = "successful_internal_auth_with_timestamp=1764000000\nip_address=203.0.113.7\n";

    assertThatThrownBy(() -> parse(noUser)).hasMessage("it has no user");
  }

  @Test
  void refusesALoginWithoutLoginTime() {
    assertThatThrownBy(() -> parse("user=alice\nip_address=203.0.113.7\n"))
        .hasMessageContaining("neither successful_internal_auth_with_timestamp");
  }

  @Test
  void refusesALoginTimeThatIsNotSeconds() {
    assertThatThrownBy(
            () -> parse("user=alice\nsuccessful_internal_auth_with_timestamp=yesterday\n"))
        .hasMessage("its successful_internal_auth_with_timestamp is not a number of seconds");
  }

  @Test
  void refusesAnAddressThatIsAName() {
    String named =
        "user=alice\nsuccessful_internal_auth_with_timestamp=1764000000\nip_address=evil.example\n";

    assertThatThrownBy(() -> parse(named)).hasMessage("its ip_address is not an IP address");
  }

  @Test
  void refusesAKeptValueThatIsNotUtf8() {
    byte[] latin1 = "user=j\u00f6rg\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> parse(latin1)).hasMessage("line 1 is not UTF-8");
  }

  @Test
  void refusesAFileLargerThanTheCap() {
    String huge =
        CpanelSessionTree.loggedIn("alice", "cpaneld", LOGIN)
            + "padding="
            + "x".repeat(CpanelSource.MAX_FILE_BYTES)
            + "\n";

    assertThatThrownBy(() -> parse(huge))
        .hasMessage("it is larger than " + CpanelSource.MAX_FILE_BYTES + " bytes");
  }
}
