package dev.sessionwatch.agent.panel;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A response packet of Plesk's XML API, read as Plesk documents it:
 *
 * <ul>
 *   <li>a request Plesk refused before running it (wrong key, unsupported version, bad packet) is
 *       {@code <packet><system><status>error</status><errcode>..</errcode><errtext>..</errtext>
 *       </system></packet>}: <a
 *       href="https://docs.plesk.com/en-US/onyx/api-rpc/about-xml-api/creating-client-software/handling-errors.28729/">Handling
 *       Errors</a>; a wrong key gives errcode 11003 or 1001: <a
 *       href="https://docs.plesk.com/en-US/obsidian/api-rpc/about-xml-api/error-codes/reduced-list-of-error-codes.33765">Reduced
 *       List of Error Codes</a>;
 *   <li>{@code session/get}: {@code <packet><session><get><result><status>ok</status><session>
 *       <id/><type/><ip-address/><login/><login-time/><idle/></session>...</result></get>
 *       </session></packet>}, times as {@code 2007-02-20T05:21:00} in the panel's time zone: <a
 *       href="https://docs.plesk.com/en-US/12.5/api-rpc/40403">Retrieving Sessions List</a>;
 *   <li>{@code session/terminate}: {@code <result><status>ok</status></result>}, or {@code
 *       <status>error</status><errcode>1013</errcode><errtext>Session does not exist</errtext>} for
 *       a session that is gone: <a
 *       href="https://docs.plesk.com/en-US/obsidian/api-rpc/about-xml-api/reference/managing-sessions/terminating-session.40425">Terminating
 *       Session</a>.
 * </ul>
 *
 * <p>The parser refuses document type declarations, so an answer cannot make it read files or
 * expand entities. Pure: it reads nothing but its argument.
 */
final class PleskAnswer {

  /** Raises every problem instead of printing it to stderr, as the default handler does. */
  private static final ErrorHandler RAISE =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private final Element packet;

  private PleskAnswer(Element packet) {
    this.packet = packet;
  }

  /**
   * Reads an answer.
   *
   * @throws IllegalArgumentException when it is not well-formed XML with a {@code packet} root
   */
  static PleskAnswer parse(String xml) {
    Element root;
    try {
      root = newBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (SAXException e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read it: " + e, e);
    }
    if (!"packet".equals(root.getTagName())) {
      throw new IllegalArgumentException("its root is <" + root.getTagName() + ">, not <packet>");
    }
    return new PleskAnswer(root);
  }

  /**
   * The sessions of a {@code session/get} answer.
   *
   * @param zone the time zone of times that carry none
   * @throws PleskException when Plesk answered with an error
   * @throws IllegalArgumentException when the answer is not a {@code session/get} answer
   */
  List<PleskSession> sessions(ZoneId zone) throws PleskException {
    Element result = result("get");
    List<PleskSession> sessions = new ArrayList<>();
    for (Element session : children(result, "session")) {
      String id = text(session, "id");
      if (id == null) {
        throw new IllegalArgumentException("a <session> without an <id>");
      }
      sessions.add(
          new PleskSession(
              id,
              text(session, "type"),
              text(session, "ip-address"),
              text(session, "login"),
              time(session, "login-time", zone),
              time(session, "idle", zone)));
    }
    return sessions;
  }

  /**
   * Checks a {@code session/terminate} answer.
   *
   * @throws PleskException when Plesk did not terminate the session
   * @throws IllegalArgumentException when the answer is not a {@code session/terminate} answer
   */
  void terminated() throws PleskException {
    result("terminate");
  }

  /** The operation's {@code <result>} when its status is ok. */
  private Element result(String operation) throws PleskException {
    Optional<Element> system = child(packet, "system");
    if (system.isPresent()) {
      if (!"error".equals(text(system.get(), "status"))) {
        throw new IllegalArgumentException("a <system> node whose status is not error");
      }
      throw error(system.get(), true);
    }
    Element session =
        child(packet, "session")
            .orElseThrow(() -> new IllegalArgumentException("no <session> in the packet"));
    Element answer =
        child(session, operation)
            .orElseThrow(() -> new IllegalArgumentException("no <" + operation + "> answer"));
    List<Element> results = children(answer, "result");
    if (results.size() != 1) {
      throw new IllegalArgumentException(
          results.size() + " <result> nodes in the <" + operation + "> answer, not 1");
    }
    Element result = results.get(0);
    String status = text(result, "status");
    if ("error".equals(status)) {
      throw error(result, false);
    }
    if (!"ok".equals(status)) {
      throw new IllegalArgumentException("a <status> that is neither ok nor error: " + status);
    }
    return result;
  }

  private static PleskException error(Element node, boolean system) {
    Integer code;
    try {
      String digits = text(node, "errcode");
      code = digits == null ? null : Integer.valueOf(digits);
    } catch (NumberFormatException e) {
      code = null;
    }
    return new PleskException(code, text(node, "errtext"), system);
  }

  private static Instant time(Element parent, String name, ZoneId zone) {
    String text = text(parent, name);
    if (text == null) {
      return null;
    }
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned
          ? zoned.toInstant()
          : ((LocalDateTime) parsed).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("<" + name + "> is not a date and time: " + text, e);
    }
  }

  /** The trimmed text of the first child of that name; null when absent or empty. */
  private static String text(Element parent, String name) {
    return child(parent, name)
        .map(Node::getTextContent)
        .map(String::strip)
        .filter(text -> !text.isEmpty())
        .orElse(null);
  }

  private static Optional<Element> child(Element parent, String name) {
    return children(parent, name).stream().findFirst();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getTagName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(RAISE);
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be made safe: " + e, e);
    }
  }
}
