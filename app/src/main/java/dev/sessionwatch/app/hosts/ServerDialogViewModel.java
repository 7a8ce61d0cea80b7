package dev.sessionwatch.app.hosts;

import dev.sessionwatch.app.agent.PinnedCertificate;
import dev.sessionwatch.app.agent.PresentedCertificate;
import dev.sessionwatch.app.settings.SavedServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The add/edit server dialog: its three fields, what is wrong with each (empty when nothing), and
 * the connection test. Knows no controls; tested without the toolkit.
 */
public final class ServerDialogViewModel {
  private final Set<String> takenNames;
  private final Function<SavedServer, ConnectionOutcome> check;
  private final Executor background;
  private final Executor fxExecutor;
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final StringProperty url = new SimpleStringProperty(this, "url", "");
  private final StringProperty token = new SimpleStringProperty(this, "token", "");
  private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem");
  private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper(this, "urlProblem");
  private final ReadOnlyStringWrapper tokenProblem =
      new ReadOnlyStringWrapper(this, "tokenProblem");
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
  private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
  private final ReadOnlyObjectWrapper<ConnectionOutcome> testOutcome =
      new ReadOnlyObjectWrapper<>(this, "testOutcome");
  private final ReadOnlyObjectWrapper<PinnedCertificate> pin =
      new ReadOnlyObjectWrapper<>(this, "pin");

  /** The URL {@link #pin} was trusted at: the pin goes when the URL names another agent. */
  private URI pinnedAt;

  /**
   * @param editing the server being edited, or null to add one
   * @param takenNames the names of the other servers (of every server, when adding)
   * @param check tests a connection; blocking, run on {@code background}
   * @param fxExecutor where the test's outcome is shown: {@code Platform::runLater}
   */
  public ServerDialogViewModel(
      SavedServer editing,
      Set<String> takenNames,
      Function<SavedServer, ConnectionOutcome> check,
      Executor background,
      Executor fxExecutor) {
    this.takenNames =
        takenNames.stream().map(ServerDialogViewModel::folded).collect(Collectors.toSet());
    this.check = Objects.requireNonNull(check, "check");
    this.background = Objects.requireNonNull(background, "background");
    this.fxExecutor = Objects.requireNonNull(fxExecutor, "fxExecutor");
    if (editing != null) {
      name.set(editing.name());
      url.set(editing.agentUrl().toString());
      token.set(editing.token());
      pin.set(editing.pin());
      pinnedAt = editing.agentUrl();
    }
    nameProblem.bind(Bindings.createStringBinding(() -> nameProblem(name.get()), name));
    urlProblem.bind(Bindings.createStringBinding(() -> urlProblem(url.get()), url));
    tokenProblem.bind(Bindings.createStringBinding(() -> tokenProblem(token.get()), token));
    valid.bind(nameProblem.isEmpty().and(urlProblem.isEmpty()).and(tokenProblem.isEmpty()));
    // An outcome is about the fields as they were tested.
    name.addListener(observable -> testOutcome.set(null));
    url.addListener(observable -> testOutcome.set(null));
    url.addListener(
        observable -> {
          if (pin.get() != null && !sameAgent(parsed(url.get()), pinnedAt)) {
            pin.set(null);
          }
        });
    token.addListener(observable -> testOutcome.set(null));
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty urlProperty() {
    return url;
  }

  public StringProperty tokenProperty() {
    return token;
  }

  public ReadOnlyStringProperty nameProblemProperty() {
    return nameProblem.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty urlProblemProperty() {
    return urlProblem.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty tokenProblemProperty() {
    return tokenProblem.getReadOnlyProperty();
  }

  /** Every field is fine: the server can be saved and tested. */
  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  /** A connection test is under way. */
  public ReadOnlyBooleanProperty testingProperty() {
    return testing.getReadOnlyProperty();
  }

  /** How the last test of the fields as they are ended; null before one, or after an edit. */
  public ReadOnlyObjectProperty<ConnectionOutcome> testOutcomeProperty() {
    return testOutcome.getReadOnlyProperty();
  }

  /** The certificate trusted for this agent; null before one is. */
  public ReadOnlyObjectProperty<PinnedCertificate> pinProperty() {
    return pin.getReadOnlyProperty();
  }

  /** The server as entered; empty while a field is not valid. */
  public Optional<SavedServer> server() {
    if (!valid.get()) {
      return Optional.empty();
    }
    return Optional.of(
        new SavedServer(
            name.get().strip(), URI.create(url.get().strip()), token.get().strip(), pin.get()));
  }

  /**
   * Trusts the certificate the last test found, for the agent at the URL as it is, and tests the
   * connection again with it.
   */
  public void trust(PresentedCertificate presented) {
    pin.set(presented.pin());
    pinnedAt = parsed(url.get());
    testConnection();
  }

  /**
   * Tests the connection off the FX thread; the outcome appears in {@link #testOutcomeProperty}.
   */
  public void testConnection() {
    Optional<SavedServer> server = server();
    if (server.isEmpty() || testing.get()) {
      return;
    }
    testing.set(true);
    testOutcome.set(null);
    background.execute(
        () -> {
          ConnectionOutcome outcome;
          try {
            outcome = check.apply(server.get());
          } catch (RuntimeException e) {
            outcome = new ConnectionOutcome(false, "The test failed: " + e.getMessage());
          }
          ConnectionOutcome result = outcome;
          fxExecutor.execute(
              () -> {
                testing.set(false);
                if (server().equals(server)) {
                  testOutcome.set(result);
                }
              });
        });
  }

  private static URI parsed(String text) {
    try {
      return new URI(text == null ? "" : text.strip());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The same scheme, host and port: the same agent, whatever the path. */
  private static boolean sameAgent(URI one, URI other) {
    return one != null
        && other != null
        && Objects.equals(lower(one.getScheme()), lower(other.getScheme()))
        && Objects.equals(lower(one.getHost()), lower(other.getHost()))
        && one.getPort() == other.getPort();
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private String nameProblem(String value) {
    String stripped = value == null ? "" : value.strip();
    if (stripped.isEmpty()) {
      return "Enter a name for the server.";
    }
    if (stripped.length() > 64) {
      return "Keep the name to 64 characters.";
    }
    if (takenNames.contains(folded(stripped))) {
      return "Another server is already called " + stripped + ".";
    }
    return "";
  }

  private static String urlProblem(String value) {
    String stripped = value == null ? "" : value.strip();
    String example = " e.g. https://web01.example.com:7878";
    if (stripped.isEmpty()) {
      return "Enter the agent's URL," + example + ".";
    }
    URI uri;
    try {
      uri = new URI(stripped);
    } catch (URISyntaxException e) {
      return "This is not a URL: " + e.getReason() + ".";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "The URL must start with http:// or https://," + example + ".";
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "The URL must name a host," + example + ".";
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      return "The URL must not have a query or fragment.";
    }
    return "";
  }

  private static String tokenProblem(String value) {
    String stripped = value == null ? "" : value.strip();
    if (stripped.isEmpty()) {
      return "Enter the token the agent gave you (sessionwatch-agent token create).";
    }
    if (stripped.chars().anyMatch(Character::isWhitespace)) {
      return "A token has no spaces in it.";
    }
    return "";
  }

  private static String folded(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
