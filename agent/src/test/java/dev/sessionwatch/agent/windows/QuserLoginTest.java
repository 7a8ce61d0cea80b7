package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuserLoginTest {

  @Test
  void readsAnEnglishConsoleLogin() {
    assertThat(QuserLogin.parse(Recorded.text("quser-en-console-none.txt")))
        .containsExactly(
            new QuserLogin(
                false, "administrator", "console", 1, "Active", "none", "3/25/2024 12:01 PM"));
  }

  @Test
  void readsTheCurrentSessionsMarker() {
    assertThat(QuserLogin.parse(Recorded.text("quser-en-rdp-current.txt")))
        .containsExactly(
            new QuserLogin(
                true, "administrator", "rdp-tcp#2", 1, "Active", ".", "3/25/2021 9:27 AM"));
  }

  @Test
  void readsADisconnectedLoginWithoutSessionName() {
    assertThat(QuserLogin.parse(Recorded.text("quser-es-disconnected.txt")))
        .containsExactly(
            new QuserLogin(true, "mabe-b3", "console", 1, "Activo", "ninguno", "7/25/2018 7:46 AM"),
            new QuserLogin(false, "otro00", null, 2, "Desc", "2", "7/25/2018 10:51 AM"));
  }

  @Test
  void readsATranslatedHeaderByPosition() {
    assertThat(QuserLogin.parse(Recorded.text("quser-de-simulated.txt")))
        .containsExactly(
            new QuserLogin(
                true, "administrator", "console", 1, "Aktiv", "Kein", "24.08.2022 17:42"));
  }

  @Test
  void readsNothingFromAHeaderAlone() {
    String header = Recorded.text("quser-en-rdp-current.txt").lines().findFirst().orElseThrow();

    assertThat(QuserLogin.parse(header + "\r\n")).isEmpty();
  }

  @Test
  void refusesALineWithoutItsColumns() {
    String output =
        Recorded.text("quser-en-rdp-current.txt")
            + " bob                   rdp-tcp#3           3\n";

    assertThatThrownBy(() -> QuserLogin.parse(output))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void refusesQwinstasTable() {
    assertThatThrownBy(() -> QuserLogin.parse(Recorded.text("qwinsta-de.txt")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
