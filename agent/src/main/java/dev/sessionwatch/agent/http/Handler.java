package dev.sessionwatch.agent.http;

import dev.sessionwatch.agent.auth.Token;
import java.io.IOException;

/** Answers one route. */
@FunctionalInterface
interface Handler {
  /**
   * @param caller the authenticated token, or null on a route that authenticates by itself or needs
   *     no token
   */
  Response handle(ApiRequest request, Token caller) throws ApiException, IOException;
}
