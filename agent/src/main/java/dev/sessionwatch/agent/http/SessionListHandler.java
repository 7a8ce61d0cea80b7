package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.source.SessionCatalog;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/sessions[?kind=K]}: every session of the enabled sources (of the kinds the token
 * may see), with an ETag over everything but the collection time, so a console polling an unchanged
 * host gets a 304.
 */
final class SessionListHandler implements Handler {
  private final SessionCatalog catalog;
  private final String hostName;

  SessionListHandler(SessionCatalog catalog, String hostName) {
    this.catalog = catalog;
    this.hostName = hostName;
  }

  @Override
  public Response handle(ApiRequest request, Token caller) throws ApiException {
    Set<SessionKind> kinds = kinds(caller, request.query(Set.of("kind")).get("kind"));
    SessionCatalog.Collected collected = catalog.collect(kinds);
    String etag =
        etag(
            Response.toJson(
                new SessionList(hostName, null, collected.sessions(), collected.errors())));
    if (request.header("If-None-Match").map(value -> matches(value, etag)).orElse(false)) {
      return Response.notModified(etag);
    }
    SessionList list =
        new SessionList(
            hostName, collected.collectedAt(), collected.sessions(), collected.errors());
    return Response.json(200, list, Map.of("ETag", etag, "Cache-Control", "no-cache"));
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

  private static String etag(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return '"' + HexFormat.of().formatHex(Arrays.copyOf(digest, 16)) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
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
