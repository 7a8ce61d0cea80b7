package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.platform.win32.IPHlpAPI;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * WTS_CLIENT_ADDRESS's family and 20 bytes, and WTSClientName's text, as the protocol's fields; the
 * recorded buffers and where they are from are listed in windows/README.md.
 */
class WtsClientValuesTest {

  /** The 20 bytes of the Address member of a recorded WTS_CLIENT_ADDRESS (after its family). */
  private static byte[] recordedAddress(String name) {
    byte[] buffer = Recorded.bytes(name);
    return Arrays.copyOfRange(buffer, 4, 24);
  }

  /** Twenty bytes: the given ones from byte 2 on, zeros around them. */
  private static byte[] fromByteTwo(String hex) {
    byte[] address = new byte[20];
    byte[] bytes = HexFormat.of().parseHex(hex);
    System.arraycopy(bytes, 0, address, 2, bytes.length);
    return address;
  }

  @Test
  void readsAnIpv4AddressFromByteTwo() {
    byte[] address = recordedAddress("wts-client-address-ipv4-documented.hex");

    assertThat(WtsClientValues.address(WtsClientValues.AF_INET, address)).hasValue("192.168.0.1");
  }

  @Test
  void readsAnIpv6AddressFromByteTwo() {
    byte[] address = recordedAddress("wts-client-address-ipv6-pywin32.hex");

    assertThat(WtsClientValues.address(WtsClientValues.AF_INET6, address)).hasValue("fe80::");
  }

  @Test
  void writesAnIpv6AddressInItsShortForm() {
    byte[] address = fromByteTwo("20010db8000000000000000000000025");

    assertThat(WtsClientValues.address(WtsClientValues.AF_INET6, address)).hasValue("2001:db8::25");
  }

  @Test
  void writesAnIpv4MappedIpv6AddressAsIpv4() {
    byte[] address = fromByteTwo("00000000000000000000ffffc0000207");

    assertThat(WtsClientValues.address(WtsClientValues.AF_INET6, address)).hasValue("192.0.2.7");
  }

  @Test
  void leavesAnIpv6ValueLaidOutFromByteZeroAbsent() {
    byte[] address = recordedAddress("wts-client-address-ipv6-documented-example.hex");

    assertThat(WtsClientValues.address(WtsClientValues.AF_INET6, address)).isEmpty();
  }

  @Test
  void hasNoAddressForTheConsole() {
    byte[] address = recordedAddress("wts-client-address-console.hex");

    assertThat(WtsClientValues.address(WtsClientValues.AF_UNSPEC, address)).isEmpty();
  }

  @Test
  void hasNoAddressForAnyOtherFamily() {
    byte[] address = fromByteTwo("c0a80001");

    for (int family : new int[] {IPHlpAPI.AF_IPX, IPHlpAPI.AF_NETBIOS, 10, 0x41414141, -1}) {
      assertThat(WtsClientValues.address(family, address)).as("family %d", family).isEmpty();
    }
  }

  @Test
  void hasNoAddressForAllZeroBytes() {
    assertThat(WtsClientValues.address(WtsClientValues.AF_INET, new byte[20])).isEmpty();
    assertThat(WtsClientValues.address(WtsClientValues.AF_INET6, new byte[20])).isEmpty();
  }

  @Test
  void hasNoAddressForMissingOrTooFewBytes() {
    byte[] ipv4 = Arrays.copyOf(fromByteTwo("c0a80001"), 5);
    byte[] ipv6 = Arrays.copyOf(fromByteTwo("20010db8000000000000000000000025"), 17);

    assertThat(WtsClientValues.address(WtsClientValues.AF_INET, null)).isEmpty();
    assertThat(WtsClientValues.address(WtsClientValues.AF_INET, new byte[0])).isEmpty();
    assertThat(WtsClientValues.address(WtsClientValues.AF_INET, ipv4)).isEmpty();
    assertThat(WtsClientValues.address(WtsClientValues.AF_INET6, ipv6)).isEmpty();
  }

  @Test
  void numbersFamiliesAsWindowsDoes() {
    assertThat(
            new int[] {
              WtsClientValues.AF_UNSPEC, WtsClientValues.AF_INET, WtsClientValues.AF_INET6
            })
        .containsExactly(IPHlpAPI.AF_UNSPEC, IPHlpAPI.AF_INET, IPHlpAPI.AF_INET6);
  }

  @Test
  void keepsTheClientsNameWithoutSurroundingSpace() {
    assertThat(WtsClientValues.name("LAPTOP-7Q2M")).hasValue("LAPTOP-7Q2M");
    assertThat(WtsClientValues.name(" LAPTOP-7Q2M ")).hasValue("LAPTOP-7Q2M");
  }

  @Test
  void hasNoNameWhenWindowsGivesABlankOne() {
    for (String blank : new String[] {null, "", "   "}) {
      assertThat(WtsClientValues.name(blank)).isEqualTo(Optional.empty());
    }
  }
}
