package dev.sessionwatch.agent.ftp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code pure-ftpwho -x -n}, as Pure-FTPd 1.0.50 (Debian 12) prints it:
 *
 * <pre>
 * &lt;?xml version="1.0" encoding="ISO-8859-15"?&gt;
 * &lt;status&gt;
 *   &lt;client pid="30365" account="alice" time="6" state=" DL " file="big.bin" host="127.0.0.1"
 *     localhost="127.0.0.1" localport="2199" resume="0" current_size="98304"
 *     total_size="3000000" percentage="3" bandwidth="16384" /&gt;
 * &lt;/status&gt;
 * </pre>
 *
 * <p>It is not read as XML because it is not always XML: pure-ftpwho escapes {@code &}, {@code <}
 * and {@code >} but not {@code "}, so a file name with a quote breaks the attribute syntax, and it
 * copies the name's bytes as they came (usually UTF-8) under an ISO-8859-15 declaration. Each
 * client is one line with the attributes always in this order, which is what is matched; the file
 * name is whatever lies between {@code file="} and {@code " host="}. Sizes are bytes, bandwidth is
 * bytes per second; uploads have no total size or percentage. Pure: it reads nothing but its
 * argument.
 */
final class PureFtpWhoXml {

  private static final Pattern CLIENT =
      Pattern.compile(
          "\\s*<client pid=\"(\\d{1,18})\" account=\"(.*)\" time=\"(\\d{1,18})\""
              + " state=\"([^\"]*)\" file=\"(.*)\" host=\"([^\"]*)\""
              + " localhost=\"([^\"]*)\" localport=\"(\\d{0,5})\""
              + "(?: resume=\"(\\d{1,18})\")?(?: current_size=\"(\\d{1,18})\")?"
              + "(?: total_size=\"(\\d{1,18})\")?(?: percentage=\"(\\d{1,3})\")?"
              + "(?: bandwidth=\"(\\d{1,18})\")?\\s*/>\\s*");

  private PureFtpWhoXml() {}

  /**
   * The clients in pure-ftpwho's output.
   *
   * @throws IllegalArgumentException when the text is not pure-ftpwho's output, or is cut short;
   *     the message says what is wrong
   */
  static List<PureFtpdClient> parse(String text) {
    List<String> lines = text.lines().toList();
    int start = lines.indexOf("<status>");
    int end = lines.lastIndexOf("</status>");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("no <status> ... </status> in pure-ftpwho's output");
    }
    List<PureFtpdClient> clients = new ArrayList<>();
    for (String line : lines.subList(start + 1, end)) {
      if (!line.isBlank()) {
        clients.add(client(line));
      }
    }
    return clients;
  }

  private static PureFtpdClient client(String line) {
    Matcher match = CLIENT.matcher(line);
    if (!match.matches()) {
      throw new IllegalArgumentException("not a <client> line of pure-ftpwho: " + line.strip());
    }
    Integer percentage = integer(match.group(12));
    if (percentage != null && percentage > 100) {
      throw new IllegalArgumentException("a percentage above 100: " + line.strip());
    }
    return new PureFtpdClient(
        Long.parseLong(match.group(1)),
        unescape(match.group(2)),
        Long.parseLong(match.group(3)),
        match.group(4).strip(),
        emptyAsNull(unescape(match.group(5))),
        emptyAsNull(match.group(6)),
        emptyAsNull(match.group(7)),
        integer(match.group(8)),
        number(match.group(9)),
        number(match.group(10)),
        number(match.group(11)),
        percentage,
        number(match.group(13)));
  }

  /** Undoes the escapes pure-ftpwho writes; {@code &amp;} last, so "&amp;lt;" stays "&lt;". */
  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static String emptyAsNull(String text) {
    return text.isEmpty() ? null : text;
  }

  private static Long number(String digits) {
    return digits == null || digits.isEmpty() ? null : Long.parseLong(digits);
  }

  private static Integer integer(String digits) {
    return digits == null || digits.isEmpty() ? null : Integer.parseInt(digits);
  }
}
