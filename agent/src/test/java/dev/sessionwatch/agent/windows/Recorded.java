package dev.sessionwatch.agent.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The recorded Windows outputs next to these tests; README.md there says where each is from. */
final class Recorded {
  private Recorded() {}

  static String text(String name) {
    try (InputStream in = Recorded.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded output " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A recorded buffer: hexadecimal bytes, spaces and line ends between them, {@code #} comments.
   */
  static byte[] bytes(String name) {
    String hex = text(name).replaceAll("#[^\\n]*", "").replaceAll("\\s+", "");
    return HexFormat.of().parseHex(hex);
  }
}
