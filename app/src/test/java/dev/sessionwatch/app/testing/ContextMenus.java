package dev.sessionwatch.app.testing;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens a context menu the way a right-click does. Headless Monocle never raises a {@link
 * ContextMenuEvent} for a secondary click (it only selects), so when no menu shows after the click
 * the request is fired on the node here, and nowhere else in the tests.
 */
public final class ContextMenus {
  private ContextMenus() {}

  /** Right-clicks {@code node} and answers the context menu that opened. */
  public static ContextMenu openOn(FxRobot robot, Node node) throws Exception {
    robot.clickOn(node, MouseButton.SECONDARY);
    WaitForAsyncUtils.waitForFxEvents();
    if (showing() == null) {
      robot.interact(
          () -> {
            Bounds local = node.getBoundsInLocal();
            Bounds screen = node.localToScreen(local);
            node.fireEvent(
                new ContextMenuEvent(
                    ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    local.getCenterX(),
                    local.getCenterY(),
                    screen.getCenterX(),
                    screen.getCenterY(),
                    false,
                    null));
          });
    }
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing() != null);
    return showing();
  }

  /** Hides the menu and fires the item with this id, as a click on it does. */
  public static void choose(ContextMenu menu, String id) {
    MenuItem item = find(menu, id);
    Platform.runLater(
        () -> {
          menu.hide();
          item.fire();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Hides the menu and gives the item with this id, to look at without firing it. */
  public static MenuItem item(ContextMenu menu, String id) {
    MenuItem item = find(menu, id);
    Platform.runLater(menu::hide);
    WaitForAsyncUtils.waitForFxEvents();
    return item;
  }

  private static MenuItem find(ContextMenu menu, String id) {
    return menu.getItems().stream()
        .filter(candidate -> id.equals(candidate.getId()))
        .findFirst()
        .orElseThrow();
  }

  private static ContextMenu showing() throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                Window.getWindows().stream()
                    .filter(window -> window instanceof ContextMenu && window.isShowing())
                    .map(ContextMenu.class::cast)
                    .findFirst()
                    .orElse(null))
        .get(5, TimeUnit.SECONDS);
  }
}
