package dev.sessionwatch.app.hosts;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/** The status bar: servers online and last refresh on the left, problems on the right. */
public final class StatusLine {
  private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

  private final StatusBar bar = new StatusBar();

  public StatusLine(StatusLineViewModel viewModel) {
    bar.setId("status-line");
    bar.getStyleClass().add("status-line");
    bar.setText("");
    Label summary = new Label();
    summary.setId("status-summary");
    summary.textProperty().bind(viewModel.summaryProperty());
    Label problems = new Label();
    problems.setId("status-problems");
    problems.getStyleClass().add("problems");
    problems.textProperty().bind(viewModel.problemsProperty());
    viewModel
        .hasProblemsProperty()
        .subscribe(hasProblems -> bar.pseudoClassStateChanged(PROBLEM, hasProblems));
    bar.getLeftItems().add(summary);
    bar.getRightItems().add(problems);
  }

  public StatusBar node() {
    return bar;
  }
}
