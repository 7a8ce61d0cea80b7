package dev.sessionwatch.app;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A bar above the tables for what the user must know and the status bar is too quiet for (a
 * settings file that could not be used, a save that failed). It stays until dismissed; a newer
 * notice replaces the text.
 */
final class NoticeBar {
  private final HBox bar = new HBox();
  private final Label text = new Label();

  NoticeBar() {
    bar.setId("notice-bar");
    bar.getStyleClass().add("notice-bar");
    text.setId("notice-text");
    text.setWrapText(true);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    Button dismiss = new Button("Dismiss");
    dismiss.setId("notice-dismiss");
    dismiss.setOnAction(event -> hide());
    bar.getChildren().addAll(text, dismiss);
    hide();
  }

  HBox node() {
    return bar;
  }

  void show(String message) {
    text.setText(message);
    bar.setVisible(true);
    bar.setManaged(true);
  }

  private void hide() {
    bar.setVisible(false);
    bar.setManaged(false);
  }
}
