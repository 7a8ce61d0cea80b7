package dev.sessionwatch.app.hosts;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The status bar: servers online and last refresh on the left, problems on the right. */
public final class StatusLine {
  private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

  private final HBox bar = new HBox();

  public StatusLine(StatusLineViewModel viewModel) {
    bar.setId("status-line");
    bar.getStyleClass().add("status-line");
    Label summary = new Label();
    summary.setId("status-summary");
    summary.textProperty().bind(viewModel.summaryProperty());
    Label problems = new Label();
    problems.setId("status-problems");
    problems.getStyleClass().add("problems");
    problems.textProperty().bind(viewModel.problemsProperty());
    problems.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(problems, Priority.ALWAYS);
    viewModel
        .hasProblemsProperty()
        .subscribe(hasProblems -> bar.pseudoClassStateChanged(PROBLEM, hasProblems));
    bar.getChildren().addAll(summary, problems);
  }

  public HBox node() {
    return bar;
  }
}
