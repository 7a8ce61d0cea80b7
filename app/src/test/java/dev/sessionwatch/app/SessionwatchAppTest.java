package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.local.EmbeddedAgents;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole console, headless, watching its embedded demo agent over loopback HTTP. */
class SessionwatchAppTest {
  private final FxRobot robot = new FxRobot();
  private Stage stage;
  private Application app;

  @BeforeEach
  void startConsole(@TempDir Path config) throws Exception {
    stage = FxToolkit.registerPrimaryStage();
    app = FxToolkit.setupApplication(SessionwatchApp.class, "--demo", "--config-dir=" + config);
  }

  @AfterEach
  void stopConsole() throws Exception {
    FxToolkit.cleanupApplication(app);
    FxToolkit.cleanupStages();
  }

  @ParameterizedTest
  @EnumSource(SessionKind.class)
  void showsTheDemoSessionsInEachTabWithTheirCountInTheTitle(SessionKind kind) throws Exception {
    TableView<SessionRow> table = showTab(kind);

    String title =
        WaitForAsyncUtils.asyncFx(
                () ->
                    tabPane().getSelectionModel().getSelectedItem().getText()
                        + " = "
                        + table.getItems().size())
            .get();

    assertThat(title).matches("(Panel|FTP|Terminal) \\((\\d+)\\) = \\2");
    assertThat(table.getItems())
        .allMatch(row -> EmbeddedAgents.DEMO_HOST_NAMES.contains(row.host().name()));
  }

  /** Clicks the kind's tab and waits until its table shows rows. */
  private TableView<SessionRow> showTab(SessionKind kind) throws Exception {
    robot.clickOn("#" + kind.wireName() + "-tab");
    TableView<SessionRow> table = robot.lookup("#" + kind.wireName() + "-table").queryTableView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
    assertThat(tabPane().getSelectionModel().getSelectedItem().getId())
        .isEqualTo(kind.wireName() + "-tab");
    assertThat(table.isVisible()).isTrue();
    return table;
  }

  private TabPane tabPane() {
    return robot.lookup("#session-tabs").queryAs(TabPane.class);
  }
}
