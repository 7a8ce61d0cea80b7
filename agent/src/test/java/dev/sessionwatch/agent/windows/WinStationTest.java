package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WinStationTest {

  @Test
  void readsGermanSessionsWithTheListenerAndSessionZero() {
    assertThat(WinStation.parse(Recorded.text("qwinsta-de.txt")))
        .containsExactly(
            new WinStation("services", null, 0, "Getr."),
            new WinStation("console", null, 1, "Verb."),
            new WinStation("rdp-tcp#13", "AZO", 2, "Aktiv"),
            new WinStation("rdp-tcp#18", "itscnocprj", 4, "Aktiv"),
            new WinStation("rdp-tcp", null, 65536, "Abhör."));
  }

  @Test
  void readsRussianSessions() {
    assertThat(WinStation.parse(Recorded.text("qwinsta-ru.txt")))
        .containsExactly(
            new WinStation("services", null, 0, "Разъедин"),
            new WinStation("rdp-tcp#0", "user", 3, "Активный"),
            new WinStation("rdp-tcp", null, 65536, "Прослуш"));
  }

  @Test
  void readsADisconnectedSessionWithoutNameInAWideTable() {
    assertThat(WinStation.parse(Recorded.text("qwinsta-en-wide-detached.txt")))
        .containsExactly(
            new WinStation("services", null, 0, "Disc"),
            new WinStation("", "Gamer", 1, "Disc"),
            new WinStation("console", null, 2, "Conn"),
            new WinStation("rdp-tcp", null, 65536, "Listen"));
  }

  @Test
  void readsAJapaneseTable() {
    assertThat(WinStation.parse(Recorded.text("qwinsta-ja.txt")))
        .extracting(WinStation::user)
        .containsExactly(null, "user1", null);
  }

  @Test
  void neitherTheListenerNorSessionZeroNorALoginScreenHasAUser() {
    assertThat(WinStation.parse(Recorded.text("qwinsta-en-nobody.txt")))
        .hasSize(3)
        .noneMatch(WinStation::hasUser);
  }
}
