package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.demo.DemoHost;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.hosts.ServerListItem;
import dev.sessionwatch.app.local.LocalAgent;
import dev.sessionwatch.app.settings.SettingsStore;
import dev.sessionwatch.app.settings.TableLayout;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole console, headless, started and stopped like a user would, with its own config dir. */
class SessionwatchAppSettingsTest {
  private final FxRobot robot = new FxRobot();
  @TempDir Path dir;
  private LocalAgent agent;
  private Application app;

  @BeforeEach
  void startAgent() throws Exception {
    FxToolkit.registerPrimaryStage();
    DemoHost web07 = new DemoHost("web07", 7, Clock.systemUTC(), 0);
    web07.addSession(SessionKind.FTP);
    agent = LocalAgent.start("web07", web07.sources(), dir.resolve("web07.log"));
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
    FxToolkit.cleanupStages();
    agent.close();
  }

  private void startConsole() throws Exception {
    app =
        FxToolkit.setupApplication(
            SessionwatchApp.class, "--demo", "--config-dir=" + dir.resolve("config"));
  }

  @Test
  void aServerAddedIsThereAfterARestart() throws Exception {
    startConsole();
    robot.clickOn("#add-server-button");
    fill("#server-name-field", "web07");
    fill("#server-url-field", agent.host().endpoint().baseUri().toString());
    fill("#server-token-field", agent.host().endpoint().token());
    robot.clickOn("#save-server-button");
    waitForServer("web07");

    FxToolkit.cleanupApplication(app);
    FxToolkit.cleanupStages();
    app = null;
    startConsole();

    waitForServer("web07");
    robot.clickOn("#ftp-tab");
    TableView<SessionRow> ftp = robot.lookup("#ftp-table").queryTableView();
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> ftp.getItems().stream().anyMatch(row -> row.host().name().equals("web07")));
  }

  @Test
  void aHiddenColumnStaysHiddenAfterARestart() throws Exception {
    startConsole();
    robot.clickOn("#ftp-tab");
    robot.interact(() -> domainColumn().setVisible(false));
    SettingsStore store = new SettingsStore(dir.resolve("config"), Clock.systemUTC());
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> savedDomainColumnHidden(store));

    FxToolkit.cleanupApplication(app);
    FxToolkit.cleanupStages();
    app = null;
    startConsole();

    assertThat(domainColumn().isVisible()).isFalse();
  }

  private static boolean savedDomainColumnHidden(SettingsStore store) {
    TableLayout ftp = store.load().settings().tableLayouts().get(SessionKind.FTP);
    return ftp != null
        && ftp.columns().stream().anyMatch(c -> c.id().equals("domain") && !c.visible());
  }

  private TableColumn<SessionRow, ?> domainColumn() {
    TableView<SessionRow> ftp = robot.lookup("#ftp-table").queryTableView();
    return ftp.getColumns().stream()
        .filter(column -> "domain".equals(column.getId()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void savesTheSettingsReadableByTheOwnerOnly() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "needs a POSIX file system for permissions");
    startConsole();
    robot.clickOn("#refresh-interval-choice").clickOn("every 30 s");

    Path file = dir.resolve("config").resolve(SettingsStore.FILE_NAME);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(file));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("\"refreshSeconds\" : 30");
  }

  @Test
  void aCorruptSettingsFileIsKeptAsideAndTheUserIsTold() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve(SettingsStore.FILE_NAME), "{ not json");

    startConsole();

    Label notice = robot.lookup("#notice-text").queryAs(Label.class);
    assertThat(notice.isVisible()).isTrue();
    assertThat(notice.getText()).contains("settings.json.corrupt-");
    try (var files = Files.list(config)) {
      List<String> names = files.map(file -> file.getFileName().toString()).toList();
      assertThat(names).anyMatch(name -> name.startsWith("settings.json.corrupt-"));
    }
  }

  private void fill(String query, String text) {
    TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
    robot.clickOn(field);
    robot.interact(() -> field.setText(text));
  }

  private void waitForServer(String name) throws Exception {
    ListView<ServerListItem> list = robot.lookup("#server-list-view").queryListView();
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            list.getItems().stream()
                .anyMatch(
                    item ->
                        item.titleProperty().get().equals(name)
                            && item.statusProperty().get().equals("online")));
  }
}
