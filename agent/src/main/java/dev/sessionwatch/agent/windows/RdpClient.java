package dev.sessionwatch.agent.windows;

/**
 * The Remote Desktop client of a session, as Windows reports it.
 *
 * @param name the client computer's name ({@code WTSClientName}); null when unknown or empty, as
 *     for the console
 * @param address the client's IP address as text ({@code WTSClientAddress}); null when unknown
 */
record RdpClient(String name, String address) {

  /** Windows told nothing about the client, or was not asked. */
  static final RdpClient UNKNOWN = new RdpClient(null, null);
}
