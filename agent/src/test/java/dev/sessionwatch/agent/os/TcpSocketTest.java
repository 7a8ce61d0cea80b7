package dev.sessionwatch.agent.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpSocketTest {

  // Read from /proc/PID/net/tcp of an sshd on 127.0.0.1:22999 (0x59D7) with one client.
  static final String TCP =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid "
          + " timeout inode\n"
          + "   0: 0100007F:59D7 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0 "
          + "       0 6552 1 00000000fbd33fba 100 0 0 10 0\n"
          + "   5: 0100007F:59D7 0100007F:AC5C 01 00000000:00000000 02:000AF41B 00000000     0 "
          + "       0 6556 2 00000000602f4e40 20 4 12 18 -1\n";

  // The same connection over IPv6 loopback, and one over an IPv4-mapped address.
  static final String TCP6 =
      "  sl  local_address                         remote_address                        st"
          + " tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
          + "   0: 00000000000000000000000001000000:59D7 00000000000000000000000001000000:AC5E 01"
          + " 00000000:00000000 00:00000000 00000000     0        0 7001 1 0000000000000000 20 4"
          + " 30 10 -1\n"
          + "   1: 0000000000000000FFFF00000100007F:59D7 0000000000000000FFFF00000A00000A:D431 01"
          + " 00000000:00000000 00:00000000 00000000     0        0 7002 1 0000000000000000 20 4"
          + " 30 10 -1\n";

  @Test
  void readsIpv4RowsWithTheirBytesReversed() throws Exception {
    List<TcpSocket> sockets = TcpSocket.parseTable(TCP);

    assertThat(sockets)
        .containsExactly(
            new TcpSocket(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 22999),
                new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0),
                0x0A,
                6552),
            new TcpSocket(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 22999),
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 44124),
                TcpSocket.ESTABLISHED,
                6556));
  }

  @Test
  void readsIpv6LoopbackWordByWord() throws Exception {
    TcpSocket socket = TcpSocket.parseTable(TCP6).get(0);

    assertThat(socket.remote())
        .isEqualTo(new InetSocketAddress(InetAddress.getByName("::1"), 0xAC5E));
    assertThat(socket.isEstablished()).isTrue();
  }

  @Test
  void readsAnIpv4MappedAddressAsIpv4() {
    TcpSocket socket = TcpSocket.parseTable(TCP6).get(1);

    assertThat(InetAddressText.of(socket.remote().getAddress())).isEqualTo("10.0.0.10");
    assertThat(socket.remote().getPort()).isEqualTo(54321);
  }

  @Test
  void readsAGlobalIpv6Address() {
    // 2001:db8::2:1 as the kernel prints it on a little-endian machine.
    InetAddress address = TcpSocket.address("B80D0120000000000000000001000200");

    assertThat(InetAddressText.of(address)).isEqualTo("2001:db8::2:1");
  }
}
