package dev.sessionwatch.agent.http;

import java.util.List;

/**
 * A method and a path pattern ({@code /v1/sessions/{id}}) and who answers them.
 *
 * @param authenticated whether the router checks the token before the handler runs; the action
 *     route checks it itself so that refusals reach the audit log
 */
record Route(String method, List<String> pattern, boolean authenticated, Handler handler) {

  static Route of(String method, String path, boolean authenticated, Handler handler) {
    return new Route(method, List.of(path.substring(1).split("/")), authenticated, handler);
  }

  boolean matchesPath(List<String> segments) {
    if (segments.size() != pattern.size()) {
      return false;
    }
    for (int i = 0; i < pattern.size(); i++) {
      String part = pattern.get(i);
      boolean placeholder = part.startsWith("{");
      if (placeholder ? segments.get(i).isEmpty() : !part.equals(segments.get(i))) {
        return false;
      }
    }
    return true;
  }
}
