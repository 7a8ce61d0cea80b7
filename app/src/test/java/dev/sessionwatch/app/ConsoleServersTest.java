package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.agent.testing.HttpsAgent;
import dev.sessionwatch.app.agent.PinnedCertificate;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.HostStatus;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.hosts.ServerListItem;
import dev.sessionwatch.app.local.EmbeddedAgents;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.app.settings.LoadedSettings;
import dev.sessionwatch.app.settings.SavedServer;
import dev.sessionwatch.app.settings.Settings;
import dev.sessionwatch.app.settings.SettingsStore;
import dev.sessionwatch.protocol.CertificateFingerprint;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's servers against real agents over loopback, each serving a demo host whose clock
 * stands still: its sessions change only when the test logs one in.
 */
class ConsoleServersTest {
  private static final Clock STILL =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  private final FxRobot robot = new FxRobot();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
  private final OkHttpClient http = new OkHttpClient();
  private final List<LocalAgent> agents = new ArrayList<>();
  private final List<HttpsAgent> httpsAgents = new ArrayList<>();
  @TempDir Path dir;
  private SettingsStore store;
  private Console console;

  @BeforeEach
  void registerStage() throws Exception {
    FxToolkit.registerPrimaryStage();
    store = new SettingsStore(dir.resolve("config"), Clock.systemUTC());
  }

  @AfterEach
  void closeConsole() throws Exception {
    if (console != null) {
      WaitForAsyncUtils.asyncFx(console::close).get();
    }
    FxToolkit.cleanupStages();
    scheduler.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    agents.forEach(LocalAgent::close);
    for (HttpsAgent agent : httpsAgents) {
      agent.close();
    }
  }

  @Test
  void addsAServerThroughTheDialogAndShowsItsSessions() throws Exception {
    DemoHost web07 = demoHost("web07", 3);
    LocalAgent agent = serve(web07);
    showConsole(Settings.defaults());

    robot.clickOn("#add-server-button");
    fill("#server-name-field", "web07");
    fill("#server-url-field", agent.host().endpoint().baseUri().toString());
    fill("#server-token-field", agent.host().endpoint().token());
    robot.clickOn("#test-connection-button");
    Label outcome = robot.lookup("#test-outcome").queryAs(Label.class);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> outcome.getText().startsWith("Online: web07"));
    robot.clickOn("#save-server-button");

    TableView<SessionRow> ftp = tableWithRows(SessionKind.FTP, 3);
    assertThat(ftp.getItems()).allMatch(row -> row.host().name().equals("web07"));
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> store.load().settings().servers().size() == 1);
    assertThat(store.load().settings().servers())
        .extracting(SavedServer::name)
        .containsExactly("web07");
  }

  @Test
  void asksToTrustAnHttpsAgentsCertificateOnFirstContactAndConnectsOnlyThen() throws Exception {
    HttpsAgent agent = serveOverTls(demoHost("web07", 3));
    showConsole(Settings.defaults());

    robot.clickOn("#add-server-button");
    fill("#server-name-field", "web07");
    fill("#server-url-field", agent.uri().toString());
    fill("#server-token-field", agent.token());
    robot.clickOn("#test-connection-button");

    TextInputControl fingerprint = trustDialogField("#trust-certificate-fingerprint");
    assertThat(fingerprint.getText()).isEqualTo(agent.fingerprint().text());
    assertThat(robot.lookup("#test-outcome").queryAs(Label.class).getText())
        .startsWith("Certificate not trusted yet");
    robot.clickOn("#trust-certificate-button");
    Label outcome = robot.lookup("#test-outcome").queryAs(Label.class);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> outcome.getText().startsWith("Online: web07"));
    assertThat(robot.lookup("#server-pin").queryAs(Label.class).getText())
        .endsWith(agent.fingerprint().text());
    robot.clickOn("#save-server-button");

    tableWithRows(SessionKind.FTP, 3);
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> store.load().settings().servers().size() == 1);
    assertThat(store.load().settings().servers().get(0).pin().fingerprint())
        .isEqualTo(agent.fingerprint());
  }

  @Test
  void refusesAChangedCertificateWithAWarningUntilTheNewOneIsTrusted() throws Exception {
    HttpsAgent agent = serveOverTls(demoHost("web07", 3));
    CertificateFingerprint trusted = agent.fingerprint();
    showConsole(
        Settings.defaults()
            .withRefreshSeconds(2)
            .withServers(
                List.of(
                    new SavedServer(
                        "web07",
                        agent.uri(),
                        agent.token(),
                        new PinnedCertificate(agent.certificate())))));
    TableView<SessionRow> ftp = tableWithRows(SessionKind.FTP, 3);

    agent.restartWithNewCertificate();

    TextInputControl presented = trustDialogField("#trust-certificate-fingerprint");
    assertThat(presented.getText()).isEqualTo(agent.fingerprint().text());
    assertThat(trustDialogField("#trust-certificate-trusted").getText()).isEqualTo(trusted.text());
    assertThat(robot.lookup("#trust-certificate-dialog").queryAs(DialogPane.class).getHeaderText())
        .startsWith("Warning: the certificate of web07 has changed");
    assertThat(host("web07").status().state()).isEqualTo(HostStatus.State.CERTIFICATE_CHANGED);
    assertThat(serverListText("web07")).contains("certificate changed");
    assertThat(ftp.getItems()).isEmpty();

    robot.clickOn("#trust-certificate-button");

    tableWithRows(SessionKind.FTP, 3);
    assertThat(host("web07").status().isOnline()).isTrue();
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            agent
                .fingerprint()
                .equals(store.load().settings().servers().get(0).pin().fingerprint()));
  }

  @Test
  void theDialogSaysWhatIsWrongAndSavesNothingThen() throws Exception {
    showConsole(Settings.defaults());

    robot.clickOn("#add-server-button");
    fill("#server-name-field", "web07");
    fill("#server-url-field", "ftp://web07");

    assertThat(robot.lookup("#server-url-problem").queryAs(Label.class).getText())
        .startsWith("The URL must start with http://");
    assertThat(robot.lookup("#save-server-button").query().isDisabled()).isTrue();
    assertThat(robot.lookup("#test-connection-button").query().isDisabled()).isTrue();
    robot.clickOn("Cancel");
  }

  @Test
  void aDeadServerShowsUnreachableWhileTheOthersKeepUpdating() throws Exception {
    DemoHost web01 = demoHost("web01", 2);
    LocalAgent live = serve(web01);
    showConsole(
        Settings.defaults()
            .withRefreshSeconds(2)
            .withServers(List.of(saved("web01", live), dead("web09"))));
    TableView<SessionRow> ftp = tableWithRows(SessionKind.FTP, 2);

    Host web09 = host("web09");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> web09.status().state() == HostStatus.State.UNREACHABLE);
    web01.addSession(SessionKind.FTP);

    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ftp.getItems().size() == 3);
    assertThat(serverListText("web09")).contains("unreachable").contains("connection refused");
    assertThat(host("web01").status().isOnline()).isTrue();
  }

  @Test
  void selectingAServerShowsOnlyItsSessions() throws Exception {
    LocalAgent web01 = serve(demoHost("web01", 3));
    LocalAgent web02 = serve(demoHost("web02", 2));
    showConsole(
        Settings.defaults().withServers(List.of(saved("web01", web01), saved("web02", web02))));
    TableView<SessionRow> ftp = tableWithRows(SessionKind.FTP, 5);

    robot.clickOn(serverCell("web02"));

    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ftp.getItems().size() == 2);
    assertThat(ftp.getItems()).allMatch(row -> row.host().name().equals("web02"));
    assertThat(tabTitle()).isEqualTo("FTP (2)");

    robot.clickOn(serverCell("All servers"));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ftp.getItems().size() == 5);
  }

  @Test
  void removingAServerAsksFirstThenStopsShowingIt() throws Exception {
    LocalAgent web01 = serve(demoHost("web01", 3));
    LocalAgent web02 = serve(demoHost("web02", 2));
    showConsole(
        Settings.defaults().withServers(List.of(saved("web01", web01), saved("web02", web02))));
    TableView<SessionRow> ftp = tableWithRows(SessionKind.FTP, 5);

    robot.clickOn(serverCell("web01"));
    robot.clickOn("#remove-server-button");
    robot.clickOn(
        robot
            .lookup("#remove-server-dialog .button")
            .match(LabeledMatchers.hasText("Cancel"))
            .<Node>query());
    assertThat(hostNames()).containsExactly("web01", "web02");

    robot.clickOn("#remove-server-button");
    robot.clickOn(
        robot
            .lookup("#remove-server-dialog .button")
            .match(LabeledMatchers.hasText("Remove"))
            .<Node>query());

    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ftp.getItems().size() == 2);
    assertThat(hostNames()).containsExactly("web02");
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> store.load().settings().servers().size() == 1);
  }

  @Test
  void editingAServerKeepsItsPlaceAndSelectionAndSavesTheChange() throws Exception {
    LocalAgent web01 = serve(demoHost("web01", 3));
    LocalAgent web02 = serve(demoHost("web02", 2));
    showConsole(
        Settings.defaults().withServers(List.of(saved("web01", web01), saved("web02", web02))));
    tableWithRows(SessionKind.FTP, 5);

    robot.doubleClickOn(serverCell("web01"));
    fill("#server-name-field", "web01-renamed");
    robot.clickOn("#save-server-button");

    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> hostNames().equals(List.of("web01-renamed", "web02")));
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            store.load().settings().servers().stream()
                .map(SavedServer::name)
                .toList()
                .equals(List.of("web01-renamed", "web02")));
    TableView<SessionRow> ftp = tableWithRows(SessionKind.FTP, 3);
    assertThat(ftp.getItems()).allMatch(row -> row.host().name().equals("web01-renamed"));
    List<ServerListItem> selected =
        WaitForAsyncUtils.asyncFx(
                () ->
                    List.copyOf(
                        robot
                            .lookup("#server-list-view")
                            .<ServerListItem>queryListView()
                            .getSelectionModel()
                            .getSelectedItems()))
            .get();
    assertThat(selected)
        .extracting(item -> item.titleProperty().get())
        .containsExactly("web01-renamed");
  }

  @Test
  void theIdleThresholdChosenInTheViewMenuIsRemembered() throws Exception {
    showConsole(
        Settings.defaults().withServers(List.of(saved("web01", serve(demoHost("web01", 1))))));

    robot.clickOn("View").clickOn("Mark sessions idle after").clickOn("5 min");

    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> store.load().settings().idleMinutes() == 5);
    assertThat(store.load().settings().idleMinutes()).isEqualTo(5);
  }

  @Test
  void theIntervalChooserChangesPolling() throws Exception {
    DemoHost web01 = demoHost("web01", 1);
    showConsole(
        Settings.defaults()
            .withRefreshSeconds(2)
            .withServers(List.of(saved("web01", serve(web01)))));
    TableView<SessionRow> ftp = tableWithRows(SessionKind.FTP, 1);

    robot.clickOn("#refresh-interval-choice").clickOn("Off");
    assertThat(console.pollers().interval()).isNull();
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> store.load().settings().refreshSeconds() == 0);
    Thread.sleep(1000); // a poll still under way when it was turned off
    web01.addSession(SessionKind.FTP);
    Thread.sleep(4500); // longer than two of the earlier intervals
    assertThat(ftp.getItems()).hasSize(1);

    robot.clickOn("#refresh-interval-choice").clickOn("every 2 s");

    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ftp.getItems().size() == 2);
    assertThat(console.pollers().interval()).hasSeconds(2);
  }

  @Test
  void watchesThisComputerUntilTheDemoServersAreTurnedOn() throws Exception {
    DemoHost thisComputer = demoHost("this-computer", 1);
    EmbeddedAgents embedded =
        new EmbeddedAgents(
            () ->
                LocalAgent.start(
                    "this-computer", thisComputer.sources(), dir.resolve("this-computer.log")));
    try {
      showConsole(Settings.defaults(), embedded);
      WaitForAsyncUtils.waitFor(
          10, TimeUnit.SECONDS, () -> hostNames().equals(List.of("this-computer")));

      robot.clickOn("File").clickOn("#demo-servers-menu");

      WaitForAsyncUtils.waitFor(
          10, TimeUnit.SECONDS, () -> hostNames().equals(EmbeddedAgents.DEMO_HOST_NAMES));
      assertThat(host("web01").demo()).isTrue();
      assertThat(serverCell("mail01").getParent().lookup(".demo-badge").isVisible()).isTrue();

      robot.clickOn("File").clickOn("#demo-servers-menu");

      WaitForAsyncUtils.waitFor(
          10, TimeUnit.SECONDS, () -> hostNames().equals(List.of("this-computer")));
      assertThat(store.load().settings().servers()).isEmpty();
    } finally {
      WaitForAsyncUtils.asyncFx(console::close).get();
      console = null;
      embedded.close();
    }
  }

  // --- helpers

  private DemoHost demoHost(String name, int ftpSessions) {
    DemoHost host = new DemoHost(name, name.hashCode(), STILL, 0);
    for (int i = 0; i < ftpSessions; i++) {
      host.addSession(SessionKind.FTP);
    }
    return host;
  }

  private LocalAgent serve(DemoHost host) throws IOException {
    LocalAgent agent =
        LocalAgent.start(host.hostName(), host.sources(), dir.resolve(host.hostName() + ".log"));
    agents.add(agent);
    return agent;
  }

  private HttpsAgent serveOverTls(DemoHost host) throws IOException {
    HttpsAgent agent =
        HttpsAgent.serving(
            host.hostName(), host.sources(), Files.createDirectory(dir.resolve(host.hostName())));
    httpsAgents.add(agent);
    return agent;
  }

  /** A field of the trust dialog, once the dialog shows. */
  private TextInputControl trustDialogField(String query) throws Exception {
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#trust-certificate-button")
                .match(NodeQueryUtils.isVisible())
                .tryQuery()
                .isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup(query).queryAs(TextInputControl.class);
  }

  private static SavedServer saved(String name, LocalAgent agent) {
    return new SavedServer(
        name, agent.host().endpoint().baseUri(), agent.host().endpoint().token());
  }

  /** A server whose port was free a moment ago: connections to it are refused. */
  private static SavedServer dead(String name) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return new SavedServer(name, URI.create("http://127.0.0.1:" + port), "token");
  }

  private void showConsole(Settings settings) throws Exception {
    showConsole(settings, null);
  }

  private void showConsole(Settings settings, EmbeddedAgents embedded) throws Exception {
    FxToolkit.setupStage(
        stage -> {
          console =
              new Console(
                  new LoadedSettings(settings, null),
                  store,
                  embedded,
                  http,
                  scheduler,
                  Platform::runLater,
                  Clock.systemUTC());
          Scene scene = new Scene(console.view(), 1280, 800);
          scene.getStylesheets().add(SessionwatchApp.class.getResource("app.css").toExternalForm());
          stage.setScene(scene);
          stage.show();
          console.start();
        });
  }

  private void fill(String query, String text) {
    TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
    robot.clickOn(field);
    robot.interact(() -> field.setText(text));
  }

  private TableView<SessionRow> tableWithRows(SessionKind kind, int rows) throws Exception {
    robot.clickOn("#" + kind.wireName() + "-tab");
    TableView<SessionRow> table = robot.lookup("#" + kind.wireName() + "-table").queryTableView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == rows);
    return table;
  }

  private Host host(String name) {
    return console.pollers().hosts().stream()
        .filter(host -> host.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private List<String> hostNames() throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> console.pollers().hosts().stream().map(Host::name).toList())
        .get();
  }

  private Node serverCell(String name) {
    return robot
        .lookup("#server-list-view .server-name")
        .match(LabeledMatchers.hasText(name))
        .query();
  }

  /** Every text the server list shows for {@code name}'s entry. */
  private String serverListText(String name) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              ListView<ServerListItem> list = robot.lookup("#server-list-view").queryListView();
              ServerListItem item =
                  list.getItems().stream()
                      .filter(entry -> entry.titleProperty().get().equals(name))
                      .findFirst()
                      .orElseThrow();
              return String.join(
                  " | ",
                  item.statusProperty().get(),
                  item.detailProperty().get(),
                  item.countsProperty().get());
            })
        .get();
  }

  private String tabTitle() throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                robot
                    .lookup("#session-tabs")
                    .queryAs(TabPane.class)
                    .getSelectionModel()
                    .getSelectedItem()
                    .getText())
        .get();
  }
}
