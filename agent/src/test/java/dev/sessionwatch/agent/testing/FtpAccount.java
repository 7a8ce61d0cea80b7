package dev.sessionwatch.agent.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A throw-away system user with a password and a home holding one file, for FTP logins; {@link
 * #close} deletes the user and the home. Needs root (see {@link FtpServerHost}).
 */
public final class FtpAccount implements AutoCloseable {

  private final String user;
  private final String password;
  private final Path home;

  private FtpAccount(String user, String password) {
    this.user = user;
    this.password = password;
    this.home = Path.of("/home", user);
  }

  /**
   * Creates the user and {@code HOME/fileName} with {@code fileSize} bytes.
   *
   * @param fileName the file the test downloads
   */
  public static FtpAccount create(String fileName, long fileSize) throws Exception {
    FtpAccount account = new FtpAccount("swf" + random(8), random(16));
    String hash = FtpServerHost.run("openssl", "passwd", "-6", account.password).trim();
    FtpServerHost.run(
        "useradd", "--create-home", "--shell", "/bin/bash", "--password", hash, account.user);
    try {
      Path file = account.home.resolve(fileName);
      try (OutputStream out = Files.newOutputStream(file)) {
        byte[] block = new byte[65536];
        for (long written = 0; written < fileSize; written += block.length) {
          out.write(block, 0, (int) Math.min(block.length, fileSize - written));
        }
      }
      FtpServerHost.run("chown", "-R", account.user + ":", account.home.toString());
      return account;
    } catch (Exception | Error e) {
      account.close();
      throw e;
    }
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

  @Override
  public void close() throws IOException, InterruptedException {
    FtpServerHost.run("userdel", "--force", "--remove", user);
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
