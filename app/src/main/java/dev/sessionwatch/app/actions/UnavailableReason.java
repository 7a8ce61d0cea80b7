package dev.sessionwatch.app.actions;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A button in a holder that carries its tooltip: JavaFX shows no tooltip on a disabled control
 * (JDK-8090379), and a disabled action's tooltip is where it says why it is unavailable.
 */
public final class UnavailableReason {
  private UnavailableReason() {}

  /** The button in a holder whose tooltip shows {@code text}. */
  public static Node holding(Button button, ObservableValue<String> text) {
    StackPane holder = new StackPane(button);
    holder.getStyleClass().add("button-holder");
    holder.setId(button.getId() + "-holder");
    Tooltip tooltip = new Tooltip();
    tooltip.textProperty().bind(text);
    Tooltip.install(holder, tooltip);
    holder.getProperties().put(Tooltip.class, tooltip);
    return holder;
  }

  /** The tooltip of a holder made here; null for any other node. */
  public static Tooltip tooltipOf(Node holder) {
    return (Tooltip) holder.getProperties().get(Tooltip.class);
  }
}
