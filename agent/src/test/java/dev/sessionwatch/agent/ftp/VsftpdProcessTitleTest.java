package dev.sessionwatch.agent.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Titles as vsftpd 3.0.3 sets them on Debian 12 (read from /proc/PID/cmdline there). */
class VsftpdProcessTitleTest {

  private static VsftpdProcessTitle parse(String cmdline) {
    return VsftpdProcessTitle.parse(cmdline).orElseThrow();
  }

  @Test
  void readsTheListener() {
    assertThat(parse("vsftpd: LISTENER").isListener()).isTrue();
  }

  @Test
  void readsASessionLeaderWithoutUser() {
    VsftpdProcessTitle title = parse("vsftpd: 127.0.0.1: connected");

    assertThat(title.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(title.user()).isNull();
    assertThat(title.activity()).isEqualTo("connected");
    assertThat(title.state()).isEqualTo("authenticating");
  }

  @Test
  void readsAChildBeforeLogin() {
    VsftpdProcessTitle title = parse("vsftpd: 127.0.0.1: not logged in");

    assertThat(title.user()).isNull();
    assertThat(title.command()).isNull();
    assertThat(title.state()).isEqualTo("authenticating");
  }

  @Test
  void readsAnIdleLogin() {
    VsftpdProcessTitle title = parse("vsftpd: 127.0.0.1/alice: IDLE");

    assertThat(title.user()).isEqualTo("alice");
    assertThat(title.state()).isEqualTo("idle");
    assertThat(title.command()).isNull();
    assertThat(title.argument()).isNull();
  }

  @Test
  void keepsSpacesInTheFileOfADownload() {
    VsftpdProcessTitle title = parse("vsftpd: 127.0.0.1/alice: RETR my file.bin");

    assertThat(title.command()).isEqualTo("RETR");
    assertThat(title.argument()).isEqualTo("my file.bin");
    assertThat(title.state()).isEqualTo("downloading");
  }

  @Test
  void readsAnIpv6UploadWithTheQuestionMarksVsftpdWroteForNonAscii() {
    VsftpdProcessTitle title = parse("vsftpd: ::1/bob: STOR up load ??.bin");

    assertThat(title.clientAddress()).isEqualTo("::1");
    assertThat(title.user()).isEqualTo("bob");
    assertThat(title.argument()).isEqualTo("up load ??.bin");
    assertThat(title.state()).isEqualTo("uploading");
  }

  @Test
  void callsOtherCommandsActive() {
    VsftpdProcessTitle title = parse("vsftpd: 10.0.0.5/carol: LIST");

    assertThat(title.command()).isEqualTo("LIST");
    assertThat(title.argument()).isNull();
    assertThat(title.state()).isEqualTo("active");
  }

  @Test
  void refusesWhatIsNotAVsftpdTitle() {
    assertThat(VsftpdProcessTitle.parse("/usr/sbin/vsftpd /etc/vsftpd.conf")).isEmpty();
    assertThat(VsftpdProcessTitle.parse("vsftpd: ")).isEmpty();
    assertThat(VsftpdProcessTitle.parse("vsftpd: not-an-address: IDLE")).isEmpty();
    assertThat(VsftpdProcessTitle.parse("vsftpd: 127.0.0.1/: IDLE")).isEmpty();
    assertThat(VsftpdProcessTitle.parse("vsftpd: 127.0.0.1: ")).isEmpty();
    assertThat(VsftpdProcessTitle.parse(null)).isEmpty();
  }
}
