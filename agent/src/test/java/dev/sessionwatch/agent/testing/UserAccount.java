package dev.sessionwatch.agent.testing;

import dev.sessionwatch.agent.os.ProcessInfo;
import dev.sessionwatch.agent.os.ProcessSignaller;
import dev.sessionwatch.agent.os.ProcessTable;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * A throw-away system user with a password and a home, for logins to real servers (FTP, Cockpit);
 * {@link #close} ends whatever the user still runs and deletes the user and the home. Needs root
 * (see {@link ServerHost}).
 */
public final class UserAccount implements AutoCloseable {

  private final String user;
  private final String password;
  private final Path home;
  private long uid = -1;

  private UserAccount(String user, String password) {
    this.user = user;
    this.password = password;
    this.home = Path.of("/home", user);
  }

  /** Creates the user, with a random name and password. */
  public static UserAccount create() throws Exception {
    UserAccount account = new UserAccount("swu" + random(8), random(16));
    String hash = ServerHost.run("openssl", "passwd", "-6", account.password).trim();
    ServerHost.run(
        "useradd", "--create-home", "--shell", "/bin/bash", "--password", hash, account.user);
    try {
      account.uid = (Integer) Files.getAttribute(account.home, "unix:uid");
      return account;
    } catch (Exception | Error e) {
      account.close();
      throw e;
    }
  }

  /** Creates the user with {@code HOME/fileName} of {@code fileSize} bytes, for FTP downloads. */
  public static UserAccount withFile(String fileName, long fileSize) throws Exception {
    UserAccount account = create();
    try {
      account.addFile(fileName, fileSize);
      return account;
    } catch (Exception | Error e) {
      account.close();
      throw e;
    }
  }

  /** Writes {@code HOME/fileName} with {@code fileSize} zero bytes, owned by the user. */
  public Path addFile(String fileName, long fileSize) throws Exception {
    Path file = home.resolve(fileName);
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] block = new byte[65536];
      for (long written = 0; written < fileSize; written += block.length) {
        out.write(block, 0, (int) Math.min(block.length, fileSize - written));
      }
    }
    ServerHost.run("chown", user + ":", file.toString());
    return file;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public Path home() {
    return home;
  }

  /**
   * Ends the user's processes (what a server's login left behind, such as the session D-Bus daemon
   * of a Cockpit login), then deletes the user and the home.
   */
  @Override
  public void close() throws Exception {
    if (uid > 0) {
      ProcessTable table = new ProcessTable(ProcessTable.DEFAULT_ROOT);
      new ProcessSignaller(table, Duration.ofSeconds(1))
          .end(
              table.snapshot().all().stream()
                  .filter(process -> process.uid() == uid)
                  .map(ProcessInfo::identity)
                  .toList());
    }
    ServerHost.run("userdel", "--force", "--remove", user);
  }

  private static String random(int length) {
    SecureRandom random = new SecureRandom();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
    }
    return text.toString();
  }
}
