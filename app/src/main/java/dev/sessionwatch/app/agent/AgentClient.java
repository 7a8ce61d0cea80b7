package dev.sessionwatch.app.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessionwatch.protocol.ActionOutcome;
import dev.sessionwatch.protocol.ActionRequest;
import dev.sessionwatch.protocol.ApiError;
import dev.sessionwatch.protocol.HostInfo;
import dev.sessionwatch.protocol.Json;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionChanges;
import dev.sessionwatch.protocol.SessionList;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Talks to one agent over its HTTP API v1. Blocking: call it off the FX thread.
 *
 * <p>It remembers the last session list and its ETag, so an unchanged host costs a 304 and still
 * yields the list. Every failure comes back as an {@link AgentResponse}, never as an exception.
 *
 * <p>An {@code https} agent is asked anything only once the operator has pinned its certificate,
 * and only while it presents exactly that one; otherwise the answer is {@link
 * AgentResponse.Untrusted} with the certificate it presents, and nothing was sent to it.
 */
public final class AgentClient {
  /** An agent's answer is a few kilobytes; anything near this is not an agent talking. */
  private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final PinnedCertificate pin;
  private final String authorization;
  private final Duration timeout;
  private final Clock clock;

  // Guarded by this: one request at a time per host keeps the ETag and the list in step.
  private String etag;
  private SessionSnapshot lastSnapshot;

  // Made once: building a URL checks and converts its host name, every time.
  private final Request sessionsRequest;
  private final Request hostRequest;

  /**
   * @param http shared by every client of the console (one dispatcher)
   * @param timeout for each whole request: connecting, sending and reading the answer
   * @param clock the console's clock, to relate the agent's times to it
   */
  public AgentClient(OkHttpClient http, AgentEndpoint endpoint, Duration timeout, Clock clock) {
    Objects.requireNonNull(http, "http");
    this.baseUrl = HttpUrl.get(endpoint.baseUri());
    if (baseUrl == null) {
      throw new IllegalArgumentException("not an agent URL: " + endpoint.baseUri());
    }
    this.pin = baseUrl.isHttps() ? endpoint.pin() : null;
    // A pool of its own: OkHttp looks for a connection to reuse by trying every one in the pool,
    // which in a pool shared by a fleet of hundreds costs more than the request itself.
    OkHttpClient ownPool =
        http.newBuilder().connectionPool(new ConnectionPool(2, 5, TimeUnit.MINUTES)).build();
    this.http = pin == null ? ownPool : pin.client(ownPool, baseUrl.host());
    this.authorization = "Bearer " + endpoint.token();
    this.sessionsRequest = get("v1/sessions").build();
    this.hostRequest = get("v1/host").build();
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The HTTP client a console shares among all its agents: its dispatcher and threads; each agent's
   * client keeps a pool of its own, so the connection to the agent stays alive between polls.
   */
  public static OkHttpClient newSharedHttpClient() {
    return new OkHttpClient();
  }

  /**
   * {@code GET /v1/sessions}; once a list has been received, with its ETag in {@code If-None-Match}
   * and {@code A-IM: changes}, so that the agent answers 304 when it has not changed and only its
   * changes when it has (RFC 3229).
   */
  public synchronized AgentResponse<SessionSnapshot> sessions() {
    Request.Builder request = sessionsRequest.newBuilder();
    if (etag != null && lastSnapshot != null) {
      request.header("If-None-Match", etag).header("A-IM", SessionChanges.MANIPULATION);
    }
    long started = System.nanoTime();
    return answer("a session list", () -> listed(call(request.build()), started));
  }

  private AgentResponse<SessionSnapshot> listed(Response answer, long started) throws IOException {
    try (Response response = answer) {
      if (response.code() == 304 && lastSnapshot != null) {
        SessionSnapshot unchanged =
            new SessionSnapshot(lastSnapshot.list(), lastSnapshot.clock(), false);
        return new AgentResponse.Success<>(unchanged, since(started));
      }
      SessionList list;
      SessionList changedFrom = null;
      SessionChanges changes = null;
      if (response.code() == 226 && lastSnapshot != null) {
        if (!Objects.equals(response.header("Delta-Base"), etag)
            || !SessionChanges.MANIPULATION.equals(response.header("IM"))) {
          etag = null; // the next poll asks for the whole list
          return new AgentResponse.Malformed<>("the agent sent changes to another list");
        }
        SessionChanges sent = Json.mapper().readValue(readBody(response), SessionChanges.class);
        if (sent == null) {
          return new AgentResponse.Malformed<>("the agent's changes are empty");
        }
        changedFrom = lastSnapshot.list();
        ChangedList changed = ChangedList.of(changedFrom, sent);
        list = changed.list();
        changes = changed.applied();
      } else if (response.code() == 200) {
        list = Json.mapper().readValue(readBody(response), SessionList.class);
      } else {
        return failure(response);
      }
      if (list == null || list.collectedAt() == null) {
        return new AgentResponse.Malformed<>("the session list has no collectedAt time");
      }
      AgentClock agentClock = new AgentClock(list.collectedAt(), clock.instant());
      // Kept without the changes: the list they start from would stay in memory with it.
      lastSnapshot = new SessionSnapshot(list, agentClock, true);
      etag = response.header("ETag");
      return new AgentResponse.Success<>(
          new SessionSnapshot(list, agentClock, true, changedFrom, changes), since(started));
    }
  }

  /** {@code GET /v1/host}: the host, the agent, and whether each of its sources works. */
  public AgentResponse<HostInfo> hostInfo() {
    long started = System.nanoTime();
    return answer(
        "a host description",
        () -> {
          try (Response response = call(hostRequest)) {
            if (response.code() != 200) {
              return failure(response);
            }
            HostInfo info = Json.mapper().readValue(readBody(response), HostInfo.class);
            if (info == null) {
              return new AgentResponse.Malformed<>("the agent's answer is not a host description");
            }
            return new AgentResponse.Success<>(info, since(started));
          }
        });
  }

  /** One request and the reading of its answer; its I/O and parsing may fail. */
  @FunctionalInterface
  private interface Exchange<T> {
    AgentResponse<T> run() throws IOException;
  }

  /** Runs an exchange, turning what can go wrong on the way into the failure it stands for. */
  private <T> AgentResponse<T> answer(String expected, Exchange<T> exchange) {
    try {
      return exchange.run();
    } catch (UntrustedCertificateException e) {
      return new AgentResponse.Untrusted<>(e.presented);
    } catch (BodyTooLargeException e) {
      return tooLarge();
    } catch (JsonProcessingException e) {
      return new AgentResponse.Malformed<>(
          "the agent's answer is not " + expected + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      return new AgentResponse.Unreachable<>(reason(e));
    }
  }

  /**
   * {@code POST /v1/sessions/{id}/{action}}: asks the agent to act on one of its sessions.
   * Blocking, bounded by the client's timeout; call it off the FX thread.
   */
  public ActionResponse perform(String sessionId, SessionAction action) {
    return perform(sessionId, action, ActionRequest.NONE);
  }

  /**
   * {@code POST /v1/sessions/{id}/{action}} with what the action takes (a message's text) as its
   * JSON body; no body when it takes nothing.
   */
  public ActionResponse perform(String sessionId, SessionAction action, ActionRequest parameters) {
    RequestBody body;
    try {
      body =
          parameters.text() == null
              ? RequestBody.EMPTY
              : RequestBody.create(
                  Json.mapper().writeValueAsBytes(parameters), MediaType.get("application/json"));
    } catch (JsonProcessingException e) {
      return new ActionResponse.Failed("cannot write the request: " + e.getOriginalMessage());
    }
    Request request =
        new Request.Builder()
            .url(
                baseUrl
                    .newBuilder()
                    .addPathSegments("v1/sessions")
                    .addPathSegment(sessionId) // percent-encoded: an id may hold any character
                    .addPathSegment(action.wireName())
                    .build())
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .post(body)
            .build();
    try (Response response = call(request)) {
      if (response.code() == 200) {
        ActionOutcome outcome = Json.mapper().readValue(readBody(response), ActionOutcome.class);
        return outcome == null
            ? new ActionResponse.Failed("the agent's answer is not an action outcome")
            : new ActionResponse.Done(outcome);
      }
      String message = errorMessage(response);
      String said = message != null ? message : "HTTP " + response.code();
      return switch (response.code()) {
        case 401 ->
            new ActionResponse.Unauthorized(
                message != null ? message : "the agent does not accept this token");
        case 403 -> new ActionResponse.Forbidden(said);
        case 404 -> new ActionResponse.Gone(said);
        case 409 -> new ActionResponse.NotOffered(said);
        default -> new ActionResponse.Failed(said);
      };
    } catch (UntrustedCertificateException e) {
      return new ActionResponse.Unreachable(
          e.presented.changed()
              ? "the agent's certificate has changed; trust the new one first"
              : "the agent's certificate is not trusted yet");
    } catch (BodyTooLargeException e) {
      return new ActionResponse.Failed(
          "the answer is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
    } catch (JsonProcessingException e) {
      return new ActionResponse.Failed(
          "the agent's answer is not an action outcome: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new ActionResponse.Unreachable(reason(e));
    }
  }

  private static <T> AgentResponse<T> tooLarge() {
    return new AgentResponse.Malformed<>(
        "the answer is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
  }

  private Request.Builder get(String path) {
    return new Request.Builder()
        .url(baseUrl.newBuilder().addPathSegments(path).build())
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private Response call(Request request) throws IOException {
    if (baseUrl.isHttps() && pin == null) {
      throw new UntrustedCertificateException(new PresentedCertificate(presented(), null));
    }
    Call call = http.newCall(request);
    call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return call.execute();
    } catch (SSLException e) {
      if (pin != null) {
        X509Certificate presented = presented();
        if (!presented.equals(pin.certificate())) {
          throw new UntrustedCertificateException(
              new PresentedCertificate(presented, pin.fingerprint()));
        }
      }
      throw e;
    }
  }

  private X509Certificate presented() throws IOException {
    return CertificateProbe.presented(baseUrl.host(), baseUrl.port(), timeout);
  }

  private static byte[] readBody(Response response) throws IOException {
    BufferedSource source = response.body().source();
    if (source.request(MAX_BODY_BYTES + 1)) {
      throw new BodyTooLargeException();
    }
    return source.readByteArray();
  }

  private static <T> AgentResponse<T> failure(Response response) {
    String message = errorMessage(response);
    if (response.code() == 401) {
      return new AgentResponse.Unauthorized<>(
          message != null ? message : "the agent does not accept this token");
    }
    return new AgentResponse.AgentError<>(
        response.code(), message != null ? message : "HTTP " + response.code());
  }

  /** The agent's own words from its JSON error body, or null when it sent none. */
  private static String errorMessage(Response response) {
    try {
      byte[] body = readBody(response);
      ApiError error = Json.mapper().readValue(body, ApiError.class);
      return error == null || error.message() == null || error.message().isBlank()
          ? null
          : error.message();
    } catch (IOException e) {
      return null;
    }
  }

  private String reason(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused by " + hostAndPort();
    }
    if (e instanceof NoRouteToHostException) {
      return "no route to " + hostAndPort();
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + baseUrl.host();
    }
    if (e instanceof InterruptedIOException) {
      return "no answer within " + seconds(timeout);
    }
    if (e instanceof SSLException) {
      return "TLS failed: " + e.getMessage();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private String hostAndPort() {
    return baseUrl.host() + ":" + baseUrl.port();
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** The agent presented a certificate that is not trusted; nothing was sent to it. */
  private static final class UntrustedCertificateException extends IOException {
    private final transient PresentedCertificate presented;

    UntrustedCertificateException(PresentedCertificate presented) {
      super("certificate not trusted");
      this.presented = presented;
    }
  }

  /** An answer longer than {@link #MAX_BODY_BYTES}. */
  private static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("body too large");
    }
  }
}
