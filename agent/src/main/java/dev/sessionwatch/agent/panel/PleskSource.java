package dev.sessionwatch.agent.panel;

import dev.sessionwatch.agent.source.ActionException;
import dev.sessionwatch.agent.source.ActionResult;
import dev.sessionwatch.agent.source.SessionSource;
import dev.sessionwatch.agent.source.SourceException;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plesk's control-panel sessions ("Active Plesk Sessions"), from Plesk's XML API {@code session}
 * operator: {@code get} lists them, {@code terminate} logs one out. Needs a secret key of the Plesk
 * administrator in a root-only file and the pinned certificate of the panel (see {@link
 * PleskSettings}).
 *
 * <p>Plesk's session id is the session's token: whoever holds it can take the session over. It
 * never leaves the agent. A listed session's id is {@code plesk:} and an HMAC-SHA256 of Plesk's id
 * under a random key this source draws when it starts: stable while the agent runs, unique, and
 * telling nothing of the token. {@link SessionAction#LOGOUT} lists the sessions again, finds the
 * one whose HMAC is the picked id, and terminates it by the id Plesk has just listed; the picked id
 * itself is never sent.
 */
public final class PleskSource implements SessionSource {

  public static final String NAME = "plesk";

  private static final String HMAC = "HmacSHA256";
  private static final int ID_HEX_DIGITS = 32;

  private final PleskSettings settings;
  private final SecretKeyFile keyFile;
  private final Optional<PleskXmlApi> api;
  private final byte[] idKey = new byte[32];

  public PleskSource(PleskSettings settings) {
    this.settings = settings;
    this.keyFile = new SecretKeyFile(settings.secretKeyFile());
    this.api =
        Optional.ofNullable(settings.certificateSha256())
            .map(pin -> new PleskXmlApi(settings, pin));
    new SecureRandom().nextBytes(idKey);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SessionKind kind() {
    return SessionKind.PANEL;
  }

  @Override
  public SourceStatus status() {
    if (api.isEmpty()) {
      return unavailable(
          "no certificateSha256: pin the certificate of the panel at " + settings.url());
    }
    return keyFile.problem().map(problem -> unavailable(problem)).orElseGet(() -> available());
  }

  @Override
  public List<Session> list() throws SourceException {
    try {
      return api().sessions(keyFile.read()).stream().map(this::toSession).toList();
    } catch (PleskException e) {
      throw new SourceException(refusal("list the panel's sessions", e), e);
    } catch (IOException | SecretKeyFile.UnusableKeyException e) {
      throw new SourceException(e.getMessage(), e);
    }
  }

  @Override
  public ActionResult perform(Session session, SessionAction action) throws ActionException {
    if (action != SessionAction.LOGOUT) {
      throw new ActionException(
          ActionException.Reason.NOT_OFFERED,
          "Plesk sessions are logged out, not " + action.wireName());
    }
    PleskXmlApi xmlApi;
    SecretKey key;
    PleskSession listed;
    try {
      xmlApi = api();
      key = keyFile.read();
      listed =
          xmlApi.sessions(key).stream()
              .filter(candidate -> idOf(candidate).equals(session.id()))
              .findFirst()
              .orElseThrow(() -> gone(session));
    } catch (PleskException e) {
      throw new ActionException(
          ActionException.Reason.FAILED, refusal("list the panel's sessions", e), e);
    } catch (IOException | SecretKeyFile.UnusableKeyException e) {
      throw new ActionException(ActionException.Reason.FAILED, e.getMessage(), e);
    }
    try {
      xmlApi.terminate(key, listed.id());
    } catch (PleskException e) {
      if (e.isCode(PleskException.OBJECT_NOT_FOUND) && !e.system()) {
        throw gone(session);
      }
      throw new ActionException(
          ActionException.Reason.FAILED, refusal("log the session out", e), e);
    } catch (IOException e) {
      throw new ActionException(ActionException.Reason.FAILED, e.getMessage(), e);
    }
    return new ActionResult(
        true,
        "Plesk terminated the panel session"
            + (listed.login() == null ? "" : " of " + listed.login()));
  }

  private PleskXmlApi api() throws IOException {
    return api.orElseThrow(
        () -> new IOException("no certificateSha256 for the panel at " + settings.url()));
  }

  private Session toSession(PleskSession listed) {
    return Session.builder(idOf(listed), SessionKind.PANEL, NAME)
        .panel(NAME)
        .user(listed.login())
        .userType(listed.type())
        .clientAddress(listed.ipAddress())
        .loginTime(listed.loginTime())
        .idleSince(listed.idle())
        .actions(SessionAction.LOGOUT)
        .build();
  }

  /** The id the agent shows for a Plesk session: an HMAC of Plesk's id, which is a secret. */
  private String idOf(PleskSession listed) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(idKey, HMAC));
      byte[] digest = mac.doFinal(listed.id().getBytes(StandardCharsets.UTF_8));
      return NAME + ":" + HexFormat.of().formatHex(digest).substring(0, ID_HEX_DIGITS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no " + HMAC + ": " + e, e);
    }
  }

  private String refusal(String what, PleskException e) {
    String hint =
        e.isAuthentication()
            ? " (check the secret key in "
                + keyFile.path()
                + ": an administrator's key, made for the agent's address)"
            : "";
    return "Plesk did not " + what + ": " + e.getMessage() + hint;
  }

  private static ActionException gone(Session session) {
    return new ActionException(
        ActionException.Reason.GONE, "session " + session.id() + " has ended");
  }
}
