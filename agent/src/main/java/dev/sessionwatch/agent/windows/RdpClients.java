package dev.sessionwatch.agent.windows;

/**
 * Where the Remote Desktop source learns each session's client, which quser does not print: the WTS
 * API on Windows ({@link WtsRdpClients}), a stand-in in tests.
 */
interface RdpClients {

  /**
   * The client of the session with this number; {@link RdpClient#UNKNOWN}, never an error, when
   * Windows cannot say (the session ended meanwhile, access was refused).
   */
  RdpClient of(int sessionNumber);
}
