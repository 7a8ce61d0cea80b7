package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.SessionChanges;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/sessions[?kind=K]}: every session of the enabled sources (of the kinds the token
 * may see), with an ETag over everything but the collection time, so a console polling an unchanged
 * host gets a 304, and one that sends {@code A-IM: changes} with the ETag of a list read not long
 * ago gets that list's changes ({@code 226 IM Used}, RFC 3229). The sources are read at most once
 * per {@link #REFRESH_WINDOW}, however many consoles poll.
 */
final class SessionListHandler implements Handler {
  /** Shorter than the console's shortest refresh interval (2 s), so no poll sees an old list. */
  static final Duration REFRESH_WINDOW = Duration.ofSeconds(1);

  private final SessionListCache cache;

  SessionListHandler(SessionCatalog catalog, String hostName, Clock clock) {
    this.cache = new SessionListCache(catalog, hostName, clock, REFRESH_WINDOW);
  }

  @Override
  public Response handle(ApiRequest request, Token caller) throws ApiException {
    Set<SessionKind> kinds = kinds(caller, request.query(Set.of("kind")).get("kind"));
    SessionListCache.Answer answer = cache.answer(kinds);
    Optional<String> ifNoneMatch = request.header("If-None-Match");
    if (ifNoneMatch.map(value -> matches(value, answer.etag())).orElse(false)) {
      return Response.notModified(answer.etag());
    }
    if (ifNoneMatch.isPresent() && acceptsChanges(request)) {
      String base = ifNoneMatch.get().trim();
      Optional<byte[]> changes = cache.changesSince(kinds, answer, base);
      if (changes.isPresent()) {
        return new Response(
            226,
            Response.JSON,
            changes.get(),
            Map.of(
                "ETag",
                answer.etag(),
                "Cache-Control",
                "no-cache",
                "IM",
                SessionChanges.MANIPULATION,
                "Delta-Base",
                base));
      }
    }
    return new Response(
        200,
        Response.JSON,
        answer.body(),
        Map.of("ETag", answer.etag(), "Cache-Control", "no-cache"));
  }

  /** RFC 3229 A-IM: whether the console takes a list's changes. */
  private static boolean acceptsChanges(ApiRequest request) {
    return request
        .header("A-IM")
        .map(
            value ->
                Arrays.stream(value.split(","))
                    .map(manipulation -> manipulation.split(";")[0].trim())
                    .anyMatch(SessionChanges.MANIPULATION::equalsIgnoreCase))
        .orElse(false);
  }

  /** The kind asked for, or every kind the token may see. */
  private static Set<SessionKind> kinds(Token caller, String kind) throws ApiException {
    if (kind == null) {
      return caller.visibleKinds();
    }
    SessionKind asked;
    try {
      asked = SessionKind.fromWire(kind);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "unknown kind '" + ApiRequest.printable(kind) + "'; use panel, ftp or terminal");
    }
    TokenLimits.requireKind(caller, asked);
    return EnumSet.of(asked);
  }

  /** RFC 9110 If-None-Match: a list of tags, weak ones compared weakly, or {@code *}. */
  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
