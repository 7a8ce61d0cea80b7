package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.auth.Lockout;
import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.auth.TokenStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a request's bearer token into the token it belongs to, or a 401; an address that presented
 * wrong tokens too often gets 429 without its token being looked at.
 */
final class Authenticator {
  private static final String BEARER = "bearer ";

  private final TokenStore tokens;
  private final Lockout lockout;

  Authenticator(TokenStore tokens, Lockout lockout) {
    this.tokens = tokens;
    this.lockout = lockout;
  }

  Token authenticate(ApiRequest request) throws ApiException {
    String address = request.clientAddress();
    Optional<Duration> locked = lockout.lockedFor(address);
    if (locked.isPresent()) {
      throw ApiException.tooManyRequests(
          locked.get(),
          "too many failed authentications from "
              + address
              + "; try again in "
              + Math.max(1, locked.get().toSeconds())
              + " s");
    }
    // No header is a console not set up yet, not a guess: it is not counted.
    String header =
        request
            .header("Authorization")
            .orElseThrow(
                () -> ApiException.unauthorized("send a token: Authorization: Bearer TOKEN"));
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      lockout.failed(address);
      throw ApiException.unauthorized("only Bearer tokens are accepted");
    }
    Optional<Token> token = tokens.authenticate(header.substring(BEARER.length()).trim());
    if (token.isEmpty()) {
      lockout.failed(address);
      // The same answer for every wrong token, so an attacker learns nothing from it.
      throw ApiException.unauthorized("the token is not valid on this agent");
    }
    return token.get();
  }
}
