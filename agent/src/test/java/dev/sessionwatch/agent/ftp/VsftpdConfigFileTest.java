package dev.sessionwatch.agent.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VsftpdConfigFileTest {

  @Test
  void titlesAreOffByDefault() {
    assertThat(VsftpdConfigFile.setsProcessTitles("listen=YES\n")).isFalse();
  }

  @Test
  void acceptsTheTruthsVsftpdAccepts() {
    assertThat(VsftpdConfigFile.setsProcessTitles("setproctitle_enable=YES\n")).isTrue();
    assertThat(VsftpdConfigFile.setsProcessTitles("setproctitle_enable=true")).isTrue();
    assertThat(VsftpdConfigFile.setsProcessTitles("setproctitle_enable=1\r\n")).isTrue();
    assertThat(VsftpdConfigFile.setsProcessTitles("setproctitle_enable=NO")).isFalse();
  }

  @Test
  void ignoresCommentsAndLetsTheLastLineWin() {
    assertThat(VsftpdConfigFile.setsProcessTitles("#setproctitle_enable=YES\n")).isFalse();
    assertThat(
            VsftpdConfigFile.setsProcessTitles("setproctitle_enable=YES\nsetproctitle_enable=NO\n"))
        .isFalse();
  }
}
