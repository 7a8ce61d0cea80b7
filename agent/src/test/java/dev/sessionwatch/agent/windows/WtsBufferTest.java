package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Memory;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recorded WTS buffers in native memory (JNA's {@link Memory}), read by the code that reads what
 * WTSQuerySessionInformationW returns on Windows.
 */
class WtsBufferTest {

  @BeforeEach
  void needsWindowsByteOrder() {
    assumeTrue(
        ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN,
        "the recorded buffers are little-endian, as on Windows; this host is not");
  }

  private static Memory memory(byte[] bytes) {
    Memory memory = new Memory(bytes.length);
    memory.write(0, bytes, 0, bytes.length);
    return memory;
  }

  private static Memory recorded(String name) {
    return memory(Recorded.bytes(name));
  }

  @Test
  void readsAnIpv4ClientAddress() {
    Memory buffer = recorded("wts-client-address-ipv4-documented.hex");

    assertThat(WtsBuffer.clientAddress(buffer, 24)).hasValue("192.168.0.1");
  }

  @Test
  void readsAnIpv6ClientAddress() {
    Memory buffer = recorded("wts-client-address-ipv6-pywin32.hex");

    assertThat(WtsBuffer.clientAddress(buffer, 24)).hasValue("fe80::");
  }

  @Test
  void readsNoAddressForTheConsole() {
    Memory buffer = recorded("wts-client-address-console.hex");

    assertThat(WtsBuffer.clientAddress(buffer, 24)).isEmpty();
  }

  @Test
  void readsNoAddressFromABufferShorterThanTheStructure() {
    Memory buffer = recorded("wts-client-address-ipv4-documented.hex");

    assertThat(WtsBuffer.clientAddress(buffer, 20)).isEmpty();
  }

  @Test
  void readsTheClientNameUpToItsNul() {
    byte[] name = "LAPTOP-7Q2M\0".getBytes(StandardCharsets.UTF_16LE);

    assertThat(WtsBuffer.clientName(memory(name), name.length)).hasValue("LAPTOP-7Q2M");
  }

  @Test
  void readsTheConsolesEmptyNameAsNone() {
    byte[] name = "\0".getBytes(StandardCharsets.UTF_16LE);

    assertThat(WtsBuffer.clientName(memory(name), name.length)).isEmpty();
  }

  @Test
  void readsANameNoFurtherThanTheReportedLength() {
    byte[] name = "LAPTOP-7Q2M".getBytes(StandardCharsets.UTF_16LE);

    assertThat(WtsBuffer.clientName(memory(name), 12)).hasValue("LAPTOP");
    assertThat(WtsBuffer.clientName(memory(name), 13)).hasValue("LAPTOP");
  }
}
