package dev.sessionwatch.app.actions;

import java.util.List;

/** How every step of a confirmed plan ended, in the plan's order. */
public record ActionReport(List<StepOutcome> outcomes) {
  public ActionReport {
    outcomes = List.copyOf(outcomes);
  }

  public List<StepOutcome> succeeded() {
    return outcomes.stream().filter(StepOutcome::succeeded).toList();
  }

  public List<StepOutcome> failed() {
    return outcomes.stream().filter(outcome -> !outcome.succeeded()).toList();
  }
}
