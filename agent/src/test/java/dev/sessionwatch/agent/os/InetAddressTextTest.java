package dev.sessionwatch.agent.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InetAddressTextTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, 127.0.0.1",
    "0:0:0:0:0:0:0:1, ::1",
    "0:0:0:0:0:0:0:0, ::",
    "2001:db8:0:0:0:0:0:1, 2001:db8::1",
    "fe80:0:0:0:0:0:0:0, fe80::",
    "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:DB8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6"
  })
  void writesTheShortForm(String address, String expected) throws Exception {
    assertThat(InetAddressText.of(InetAddress.getByName(address))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.7, 192.0.2.7",
    "::1, ::1",
    "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
    "::ffff:192.0.2.7, 192.0.2.7"
  })
  void readsALiteralAddress(String text, String expected) {
    assertThat(InetAddressText.ofLiteral(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"example.net", ":0", "192.0.2.256", "localhost", "1.2.3"})
  void refusesWhatIsNotALiteralAddressWithoutALookup(String text) {
    assertThat(InetAddressText.ofLiteral(text)).isNull();
  }
}
