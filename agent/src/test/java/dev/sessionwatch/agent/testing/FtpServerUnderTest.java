package dev.sessionwatch.agent.testing;

import dev.sessionwatch.agent.source.SessionSource;

/** A real FTP server a test started on 127.0.0.1, and the agent source that reads it. */
public interface FtpServerUnderTest extends AutoCloseable {

  /** The control port on 127.0.0.1. */
  int port();

  /** A new agent source reading this server, with a short grace before SIGKILL. */
  SessionSource newSource();
}
