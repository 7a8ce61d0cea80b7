package dev.sessionwatch.agent.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.UtmpEntryBytes;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtmpParserTest {

  // The record sshd (OpenSSH 9.2, Debian 12) wrote for "ssh -tt swexp@127.0.0.1", as od showed it.
  private static final String REAL_RECORD =
      "07000000d31200007074732f3000000000000000000000000000000000000000"
          + "0000000000000000"
          + "74732f30"
          + "7377657870000000000000000000000000000000000000000000000000000000"
          + "3132372e302e302e3100"
          + "00".repeat(246)
          + "00000000"
          + "00000000"
          + "8024046b"
          + "8fd50a00"
          + "7f000001"
          + "00".repeat(12)
          + "00".repeat(20);

  @Test
  void readsARecordAsSshdWroteIt() throws Exception {
    byte[] content = HexFormat.of().parseHex(REAL_RECORD);

    assertThat(UtmpParser.parse(content))
        .containsExactly(
            new UtmpRecord(
                UtmpRecord.USER_PROCESS,
                4819,
                "pts/0",
                "ts/0",
                "swexp",
                "127.0.0.1",
                0,
                0,
                0,
                Instant.ofEpochSecond(0x6b042480L, 0x0ad58fL * 1000),
                InetAddress.getByName("127.0.0.1")));
  }

  @Test
  void readsStringsThatFillTheirFieldWithoutNul() {
    String user = "u".repeat(32);
    String host = "h".repeat(256);
    byte[] content =
        new UtmpEntryBytes().user(user).host(host).line("l".repeat(32)).id("abcd").toBytes();

    UtmpRecord record = UtmpParser.parse(content).get(0);

    assertThat(record.user()).isEqualTo(user);
    assertThat(record.host()).isEqualTo(host);
    assertThat(record.line()).isEqualTo("l".repeat(32));
    assertThat(record.id()).isEqualTo("abcd");
  }

  @Test
  void readsAnIpv4AddressFromTheFirstWord() throws Exception {
    byte[] content =
        new UtmpEntryBytes().address((byte) 192, (byte) 0, (byte) 2, (byte) 7).toBytes();

    assertThat(UtmpParser.parse(content).get(0).address())
        .isEqualTo(InetAddress.getByName("192.0.2.7"));
  }

  @Test
  void readsAnIpv6AddressFromAllFourWords() throws Exception {
    byte[] address = InetAddress.getByName("2001:db8::42").getAddress();

    UtmpRecord record = UtmpParser.parse(new UtmpEntryBytes().address(address).toBytes()).get(0);

    assertThat(record.address()).isEqualTo(InetAddress.getByName("2001:db8::42"));
  }

  @Test
  void givesNoAddressWhenItIsAllZeros() {
    assertThat(UtmpParser.parse(new UtmpEntryBytes().toBytes()).get(0).address()).isNull();
  }

  @Test
  void readsTheTimeAsUnsignedPast2038() {
    byte[] content = new UtmpEntryBytes().time((int) 3_000_000_000L, 250_000).toBytes();

    assertThat(UtmpParser.parse(content).get(0).loginTime())
        .isEqualTo(Instant.ofEpochSecond(3_000_000_000L, 250_000_000));
  }

  @Test
  void ignoresATruncatedTrailingRecord() {
    byte[] content =
        UtmpEntryBytes.file(new UtmpEntryBytes().user("alice"), new UtmpEntryBytes().user("bob"));
    byte[] truncated = Arrays.copyOf(content, content.length - 10);

    assertThat(UtmpParser.parse(truncated)).extracting(UtmpRecord::user).containsExactly("alice");
  }

  @Test
  void reportsEveryTypeAndTellsLoginsApart() {
    byte[] content =
        UtmpEntryBytes.file(
            new UtmpEntryBytes().type(2).user("reboot"), // BOOT_TIME
            new UtmpEntryBytes().type(UtmpRecord.LOGIN_PROCESS).user("LOGIN").line("tty1"),
            new UtmpEntryBytes().type(UtmpRecord.USER_PROCESS).user("alice").line("pts/0"),
            new UtmpEntryBytes().type(UtmpRecord.DEAD_PROCESS).line("pts/1"));

    List<UtmpRecord> records = UtmpParser.parse(content);

    assertThat(records).extracting(UtmpRecord::type).containsExactly(2, 6, 7, 8);
    assertThat(records)
        .extracting(UtmpRecord::isUserProcess)
        .containsExactly(false, false, true, false);
  }

  @Test
  void readsAnEmptyFileAsNoRecords() {
    assertThat(UtmpParser.parse(new byte[0])).isEmpty();
  }
}
