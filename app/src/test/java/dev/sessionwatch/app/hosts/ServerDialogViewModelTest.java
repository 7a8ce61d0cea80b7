package dev.sessionwatch.app.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.app.agent.PinnedCertificate;
import dev.sessionwatch.app.agent.PresentedCertificate;
import dev.sessionwatch.app.settings.SavedServer;
import dev.sessionwatch.app.testing.Certificates;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background work runs on the calling thread here, so each test sees its outcome at once. */
class ServerDialogViewModelTest {
  private final List<SavedServer> checked = new ArrayList<>();

  private ServerDialogViewModel dialog(SavedServer editing, Set<String> taken) {
    return new ServerDialogViewModel(
        editing,
        taken,
        server -> {
          checked.add(server);
          return new ConnectionOutcome(true, "Online: " + server.name());
        },
        Runnable::run,
        Runnable::run);
  }

  private ServerDialogViewModel filledIn(String name, String url, String token) {
    ServerDialogViewModel dialog = dialog(null, Set.of("web01"));
    dialog.nameProperty().set(name);
    dialog.urlProperty().set(url);
    dialog.tokenProperty().set(token);
    return dialog;
  }

  @Test
  void acceptsANameAnHttpsUrlAndAToken() {
    ServerDialogViewModel dialog = filledIn(" web02 ", "https://web02.example:7878 ", "tok");

    assertThat(dialog.validProperty().get()).isTrue();
    assertThat(dialog.server())
        .contains(new SavedServer("web02", URI.create("https://web02.example:7878"), "tok"));
  }

  @Test
  void asksForAName() {
    ServerDialogViewModel dialog = filledIn("  ", "https://web02.example:7878", "tok");

    assertThat(dialog.nameProblemProperty().get()).isEqualTo("Enter a name for the server.");
    assertThat(dialog.validProperty().get()).isFalse();
    assertThat(dialog.server()).isEmpty();
  }

  @Test
  void refusesANameAnotherServerHasWhateverItsCase() {
    ServerDialogViewModel dialog = filledIn("WEB01", "https://web02.example:7878", "tok");

    assertThat(dialog.nameProblemProperty().get())
        .isEqualTo("Another server is already called WEB01.");
  }

  @Test
  void keepsTheNameOfTheServerBeingEdited() {
    SavedServer web03 = new SavedServer("web03", URI.create("http://10.0.0.3:7878"), "tok");
    ServerDialogViewModel dialog = dialog(web03, Set.of("web01"));

    assertThat(dialog.nameProblemProperty().get()).isEmpty();
    assertThat(dialog.server()).contains(web03);
  }

  @Test
  void refusesAUrlThatIsNotHttpOrHttps() {
    ServerDialogViewModel dialog = filledIn("web02", "ftp://web02.example", "tok");

    assertThat(dialog.urlProblemProperty().get()).startsWith("The URL must start with http://");
  }

  @Test
  void refusesAUrlWithoutAHost() {
    ServerDialogViewModel dialog = filledIn("web02", "https://", "tok");

    assertThat(dialog.urlProblemProperty().get()).isNotEmpty();
    assertThat(dialog.validProperty().get()).isFalse();
  }

  @Test
  void refusesTextThatIsNotAUrl() {
    ServerDialogViewModel dialog = filledIn("web02", "web 02", "tok");

    assertThat(dialog.urlProblemProperty().get()).startsWith("This is not a URL");
  }

  @Test
  void asksForAToken() {
    ServerDialogViewModel dialog = filledIn("web02", "https://web02.example", "");

    assertThat(dialog.tokenProblemProperty().get()).startsWith("Enter the token");
  }

  @Test
  void testsTheConnectionWithTheFieldsAsEntered() {
    ServerDialogViewModel dialog = filledIn("web02", "https://web02.example", "tok");

    dialog.testConnection();

    assertThat(checked).extracting(SavedServer::name).containsExactly("web02");
    assertThat(dialog.testOutcomeProperty().get())
        .isEqualTo(new ConnectionOutcome(true, "Online: web02"));
    assertThat(dialog.testingProperty().get()).isFalse();
  }

  @Test
  void doesNotTestInvalidFields() {
    ServerDialogViewModel dialog = filledIn("web02", "nonsense", "tok");

    dialog.testConnection();

    assertThat(checked).isEmpty();
    assertThat(dialog.testOutcomeProperty().get()).isNull();
  }

  @Test
  void forgetsTheOutcomeWhenAFieldChanges() {
    ServerDialogViewModel dialog = filledIn("web02", "https://web02.example", "tok");
    dialog.testConnection();

    dialog.tokenProperty().set("another");

    assertThat(dialog.testOutcomeProperty().get()).isNull();
  }

  @Test
  void trustingThePresentedCertificatePinsItAndTestsAgain(@TempDir Path dir) throws Exception {
    ServerDialogViewModel dialog = filledIn("web02", "https://web02.example:7878", "tok");
    PresentedCertificate presented =
        new PresentedCertificate(Certificates.made(dir, "web02"), null);

    dialog.trust(presented);

    assertThat(dialog.pinProperty().get()).isEqualTo(presented.pin());
    assertThat(checked).extracting(SavedServer::pin).containsExactly(presented.pin());
    assertThat(dialog.server().orElseThrow().pin()).isEqualTo(presented.pin());
  }

  @Test
  void anEditedServerKeepsItsPinOnlyWhileTheUrlNamesTheSameAgent(@TempDir Path dir)
      throws Exception {
    PinnedCertificate pin = new PinnedCertificate(Certificates.made(dir, "web02"));
    ServerDialogViewModel dialog =
        dialog(
            new SavedServer("web02", URI.create("https://web02.example:7878"), "tok", pin),
            Set.of());

    dialog.urlProperty().set("https://WEB02.example:7878/");
    assertThat(dialog.pinProperty().get()).isEqualTo(pin);

    dialog.urlProperty().set("https://web03.example:7878");
    assertThat(dialog.pinProperty().get()).isNull();
    dialog.urlProperty().set("https://web02.example:7878");
    assertThat(dialog.server().orElseThrow().pin()).isNull();
  }
}
