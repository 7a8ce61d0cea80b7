package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.auth.Token;
import dev.sessionwatch.agent.auth.TokenStore;
import java.util.Locale;

/** Turns a request's bearer token into the token it belongs to, or a 401. */
final class Authenticator {
  private static final String BEARER = "bearer ";

  private final TokenStore tokens;

  Authenticator(TokenStore tokens) {
    this.tokens = tokens;
  }

  Token authenticate(ApiRequest request) throws ApiException {
    String header =
        request
            .header("Authorization")
            .orElseThrow(
                () -> ApiException.unauthorized("send a token: Authorization: Bearer TOKEN"));
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw ApiException.unauthorized("only Bearer tokens are accepted");
    }
    // The same answer for every wrong token, so an attacker learns nothing from it.
    return tokens
        .authenticate(header.substring(BEARER.length()).trim())
        .orElseThrow(() -> ApiException.unauthorized("the token is not valid on this agent"));
  }
}
