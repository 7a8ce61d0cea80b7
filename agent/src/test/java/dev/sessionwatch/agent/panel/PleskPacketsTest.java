package dev.sessionwatch.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The request packets, as Plesk's documentation gives them. */
class PleskPacketsTest {

  @Test
  void getIsTheDocumentedPacket() {
    assertThat(PleskPackets.SESSION_GET)
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><packet><session><get/></session></packet>");
  }

  @Test
  void terminateIsTheDocumentedPacket() {
    assertThat(PleskPackets.sessionTerminate("a66734b"))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><packet><session><terminate>"
                + "<session-id>a66734b</session-id></terminate></session></packet>");
  }

  @Test
  void terminateEscapesWhatXmlWouldReadAsMarkup() {
    assertThat(PleskPackets.sessionTerminate("a</session-id><x>&'\""))
        .contains("<session-id>a&lt;/session-id&gt;&lt;x&gt;&amp;&apos;&quot;</session-id>");
  }

  @Test
  void terminateRefusesControlCharacters() {
    assertThatThrownBy(() -> PleskPackets.sessionTerminate("a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
