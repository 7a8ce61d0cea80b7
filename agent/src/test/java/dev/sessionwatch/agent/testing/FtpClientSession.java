package dev.sessionwatch.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;

/**
 * A real FTP client (Apache Commons Net) logged in on 127.0.0.1: idle, or downloading one file in
 * passive mode on a thread of its own, as fast as the server lets it (the servers are set to send
 * slowly).
 */
public final class FtpClientSession implements AutoCloseable {

  private static final int TIMEOUT_MS = 20_000;

  private final FTPClient client = new FTPClient();
  private final AtomicLong received = new AtomicLong();
  private final CountDownLatch ended = new CountDownLatch(1);
  private Thread reader;

  private FtpClientSession() {}

  /** Connects, logs in and starts downloading {@code file}. */
  public static FtpClientSession downloading(int port, String user, String password, String file)
      throws IOException {
    FtpClientSession session = idle(port, user, password);
    try {
      session.download(file);
      return session;
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** Connects and logs in, then sends nothing more. */
  public static FtpClientSession idle(int port, String user, String password) throws IOException {
    FtpClientSession session = new FtpClientSession();
    try {
      session.logIn(port, user, password);
      return session;
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private void logIn(int port, String user, String password) throws IOException {
    client.setConnectTimeout(TIMEOUT_MS);
    client.setDefaultTimeout(TIMEOUT_MS);
    client.connect("127.0.0.1", port);
    client.setSoTimeout(TIMEOUT_MS);
    if (!client.login(user, password)) {
      throw new IOException("login refused: " + client.getReplyString());
    }
  }

  private void download(String file) throws IOException {
    client.enterLocalPassiveMode();
    client.setFileType(FTP.BINARY_FILE_TYPE);
    client.setDataTimeout(Duration.ofMillis(TIMEOUT_MS));
    InputStream data = client.retrieveFileStream(file);
    if (data == null) {
      throw new IOException("RETR " + file + " refused: " + client.getReplyString());
    }
    reader =
        new Thread(
            () -> {
              byte[] buffer = new byte[4096];
              try (data) {
                for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
                  received.addAndGet(n);
                }
              } catch (IOException e) {
                // The server ended the session: the data connection breaks.
              } finally {
                ended.countDown();
              }
            },
            "ftp-download");
    reader.setDaemon(true);
    reader.start();
  }

  public long bytesReceived() {
    return received.get();
  }

  /** Waits, at most for the given time, for the data connection to end; true when it did. */
  public boolean awaitDataEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Whether the server closed the control connection: reading it gives end-of-file (or a reset)
   * instead of a reply or a time-out.
   */
  public boolean controlConnectionClosed() {
    try {
      client.noop();
      return false;
    } catch (FTPConnectionClosedException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // "connection reset" or "broken pipe": closed as well
    }
  }

  @Override
  public void close() {
    try {
      client.disconnect();
    } catch (IOException e) {
      // already closed
    }
    if (reader != null) {
      reader.interrupt();
    }
  }
}
