package dev.sessionwatch.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a raw loopback socket, for requests no HTTP client would send: broken, oversized,
 * truncated or slow ones. Reads one answer by its {@code Content-Length}.
 */
public final class RawHttp implements AutoCloseable {
  /** The most of an answer that is read; the agent's answers are far smaller. */
  private static final int MAX_ANSWER = 1 << 20;

  /** CR LF CR LF as the last four bytes read. */
  private static final int BLANK_LINE = 0x0d0a0d0a;

  private final Socket socket;

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  /** Connects to the loopback port; every read gives up after {@code timeout}. */
  public static RawHttp connect(int port, Duration timeout) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout((int) timeout.toMillis());
    // Close with a reset: no TIME_WAIT is left behind, so tens of thousands of test connections
    // do not use up the ephemeral ports. Answers are read before closing, so none is lost.
    socket.setSoLinger(true, 0);
    return new RawHttp(socket);
  }

  /** Sends the request in one go and reads the answer. */
  public static Answer exchange(int port, String request, Duration timeout) throws IOException {
    try (RawHttp http = connect(port, timeout)) {
      http.send(request.getBytes(StandardCharsets.ISO_8859_1));
      return http.answer();
    }
  }

  public void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** Sends {@code bytes} a few at a time with a pause between, as a slow client does. */
  public void sendSlowly(byte[] bytes, int chunk, Duration pause) throws Exception {
    for (int from = 0; from < bytes.length; from += chunk) {
      socket.getOutputStream().write(bytes, from, Math.min(chunk, bytes.length - from));
      socket.getOutputStream().flush();
      Thread.sleep(pause.toMillis());
    }
  }

  /** Stops sending: the server reads the end of the stream. */
  public void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /**
   * Reads one answer (after any 1xx): its status line, headers and {@code Content-Length} bytes of
   * body.
   *
   * @return {@link Answer#NONE} when the connection closed (or was reset) before a status line
   * @throws SocketTimeoutException when nothing more came within the timeout
   */
  public Answer answer() throws IOException {
    Answer answer = oneAnswer();
    // An interim answer (100 Continue) is followed by the real one.
    for (int i = 0; i < 10 && answer.status() >= 100 && answer.status() < 200; i++) {
      answer = oneAnswer();
    }
    return answer;
  }

  private Answer oneAnswer() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int lastFour = 0;
    try {
      while (lastFour != BLANK_LINE) {
        int next = in.read();
        if (next == -1 || head.size() > MAX_ANSWER) {
          return head.size() == 0 ? Answer.NONE : parse(head.toString(StandardCharsets.ISO_8859_1));
        }
        head.write(next);
        lastFour = (lastFour << 8) | next;
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      // A reset after (or instead of) the answer: keep what came.
      if (head.size() == 0) {
        return Answer.NONE;
      }
    }
    Answer answer = parse(head.toString(StandardCharsets.ISO_8859_1));
    int length =
        answer.header("content-length").map(value -> Integer.parseInt(value.trim())).orElse(0);
    byte[] body = in.readNBytes(Math.min(length, MAX_ANSWER));
    return answer.withBody(new String(body, StandardCharsets.UTF_8));
  }

  private static Answer parse(String head) {
    String[] lines = head.split("\r\n");
    String[] status = lines[0].split(" ", 3);
    int code;
    try {
      code = status.length > 1 ? Integer.parseInt(status[1]) : -1;
    } catch (NumberFormatException e) {
      code = -1;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    return new Answer(code, headers, "");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /**
   * An answer as it came.
   *
   * @param status the status code, or -1 when no status line came
   * @param headers by lower-case name
   */
  public record Answer(int status, Map<String, String> headers, String body) {
    public static final Answer NONE = new Answer(-1, Map.of(), "");

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    Answer withBody(String text) {
      return new Answer(status, headers, text);
    }
  }
}
