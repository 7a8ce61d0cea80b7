package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WinStationStateTest {

  @ParameterizedTest
  @CsvSource({
    "Active, ACTIVE",
    "Aktiv, ACTIVE",
    "Actif, ACTIVE",
    "Activo, ACTIVE",
    "Активный, ACTIVE",
    "Conn, CONNECTED",
    "Verb., CONNECTED",
    "Disc, DISCONNECTED",
    "Getr., DISCONNECTED",
    "Desc, DISCONNECTED",
    "Разъедин, DISCONNECTED"
  })
  void readsTheStateInEveryLanguageSeen(String printed, WinStationState state) {
    assertThat(WinStationState.of(printed)).contains(state);
  }

  @ParameterizedTest
  @CsvSource({"Listen", "Abhör.", "Attivo", "Shadow"})
  void knowsNoOtherWord(String printed) {
    assertThat(WinStationState.of(printed)).isEmpty();
  }
}
