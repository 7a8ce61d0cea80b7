package dev.sessionwatch.agent.panel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Plesk's XML API, as the Plesk source uses it: {@code session/get} and {@code session/terminate}
 * posted to {@code agent.php} with the secret key in the {@code KEY} header (<a
 * href="https://docs.plesk.com/en-US/obsidian/api-rpc/about-xml-api/reference/managing-secret-keys.37121">Managing
 * Secret Keys</a>, <a
 * href="https://docs.plesk.com/en-US/obsidian/api-rpc/about-xml-api/xml-api-packets/a-sample-packet.50169">A
 * Sample Packet</a>: POST, {@code Content-Type: text/xml}).
 *
 * <p>Over TLS it trusts only the pinned certificate (docs/decisions/0005). It never follows a
 * redirect and never uses a proxy, so the key goes nowhere but the configured URL. Each request is
 * bounded: connecting by the connect time-out, the whole exchange by the time-out, the answer by
 * {@value #MAX_ANSWER_BYTES} bytes. No message holds the key: the answer is read with every
 * occurrence of it hidden, and so are the messages of transport errors.
 */
final class PleskXmlApi {

  /** Far more than any session list; the cap only guards the agent's memory. */
  static final int MAX_ANSWER_BYTES = 1 << 20;

  private final PleskSettings settings;
  private final CertificatePin pin;
  private final HttpClient http;

  PleskXmlApi(PleskSettings settings, CertificatePin pin) {
    this.settings = settings;
    this.pin = pin;
    this.http =
        HttpClient.newBuilder()
            .sslContext(pinnedTls(pin))
            .connectTimeout(settings.connectTimeout())
            .proxy(HttpClient.Builder.NO_PROXY)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Reads an answer packet; a malformed one becomes an {@link IOException}. */
  @FunctionalInterface
  private interface Reading<T> {
    T read(PleskAnswer answer) throws PleskException;
  }

  /**
   * The panel's open sessions.
   *
   * @throws PleskException when Plesk answered with an error packet
   * @throws IOException when Plesk could not be asked, or its answer is not the documented packet
   */
  List<PleskSession> sessions(SecretKey key) throws PleskException, IOException {
    return exchange(key, PleskPackets.SESSION_GET, answer -> answer.sessions(settings.timeZone()));
  }

  /**
   * Ends a panel session.
   *
   * @param sessionId an id Plesk has just listed
   * @throws PleskException when Plesk answered with an error packet; {@link
   *     PleskException#OBJECT_NOT_FOUND} when the session no longer exists
   * @throws IOException when Plesk could not be asked, or its answer is not the documented packet
   */
  void terminate(SecretKey key, String sessionId) throws PleskException, IOException {
    exchange(
        key,
        PleskPackets.sessionTerminate(sessionId),
        answer -> {
          answer.terminated();
          return null;
        });
  }

  private <T> T exchange(SecretKey key, String packet, Reading<T> reading)
      throws PleskException, IOException {
    String text = key.redact(post(key, packet));
    try {
      return reading.read(PleskAnswer.parse(text));
    } catch (IllegalArgumentException e) {
      throw new IOException(
          "Plesk's answer is not the documented XML API packet: " + e.getMessage(), e);
    }
  }

  /** Posts the packet and returns the answer's text. */
  private String post(SecretKey key, String packet) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .header("Content-Type", "text/xml")
            .header("KEY", key.value())
            .POST(HttpRequest.BodyPublishers.ofString(packet, StandardCharsets.UTF_8))
            .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request, info -> new CappedBody(MAX_ANSWER_BYTES));
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw timedOut();
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while asking Plesk");
    } catch (ExecutionException e) {
      throw failure(e.getCause(), key);
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "Plesk at " + settings.url() + " answered HTTP " + response.statusCode());
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(response.body()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("Plesk's answer is not UTF-8 text", e);
    }
  }

  /** A transport failure, in words for an operator. */
  private IOException failure(Throwable error, SecretKey key) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof PinnedTrustManager.PinMismatchException mismatch) {
        return new IOException(
            "refused the panel at "
                + settings.url()
                + ": its certificate has SHA-256 "
                + mismatch.presented()
                + ", but certificateSha256 pins "
                + pin
                + " (if Plesk's certificate was renewed, check and pin the new one)",
            error);
      }
      if (cause instanceof CappedBody.TooLargeException) {
        return new IOException("Plesk's answer is larger than " + MAX_ANSWER_BYTES + " bytes");
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return new IOException(
            "cannot connect to Plesk at "
                + settings.url()
                + " within "
                + seconds(settings.connectTimeout()),
            error);
      }
      if (cause instanceof HttpTimeoutException) {
        return timedOut();
      }
      if (cause instanceof ConnectException) {
        return new IOException(
            "cannot connect to Plesk at " + settings.url() + " (is Plesk running?)", error);
      }
    }
    return new IOException(
        "cannot talk to Plesk at " + settings.url() + ": " + key.redact(String.valueOf(error)),
        error);
  }

  private IOException timedOut() {
    return new IOException(
        "Plesk at " + settings.url() + " did not answer within " + seconds(settings.timeout()));
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() / 1000.0 + " s";
  }

  private static SSLContext pinnedTls(CertificatePin pin) {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new PinnedTrustManager(pin)}, null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS: " + e, e);
    }
  }
}
