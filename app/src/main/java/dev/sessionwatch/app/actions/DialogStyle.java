package dev.sessionwatch.app.actions;

import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/** A dialog is a scene of its own: it takes its owner's stylesheets to look like the console. */
public final class DialogStyle {
  private DialogStyle() {}

  public static void followOwner(DialogPane pane, Window owner) {
    if (owner != null && owner.getScene() != null) {
      pane.getStylesheets().setAll(owner.getScene().getStylesheets());
    }
  }
}
