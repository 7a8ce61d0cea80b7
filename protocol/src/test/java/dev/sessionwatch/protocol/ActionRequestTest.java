package dev.sessionwatch.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionRequestTest {

  @Test
  void acceptsAPlainSentence() {
    assertThat(ActionRequest.textProblem("Please save your work: the server restarts at 18:00."))
        .isEmpty();
  }

  @Test
  void acceptsTextOfExactlyTheLimit() {
    assertThat(ActionRequest.textProblem("a".repeat(ActionRequest.MAX_TEXT_LENGTH))).isEmpty();
  }

  @Test
  void refusesTextOverTheLimit() {
    assertThat(ActionRequest.textProblem("a".repeat(ActionRequest.MAX_TEXT_LENGTH + 1)))
        .hasValueSatisfying(problem -> assertThat(problem).contains("256", "255"));
  }

  @Test
  void refusesEmptyAndBlankText() {
    assertThat(ActionRequest.textProblem(null)).isPresent();
    assertThat(ActionRequest.textProblem("")).isPresent();
    assertThat(ActionRequest.textProblem("   ")).isPresent();
  }

  @Test
  void refusesControlCharacters() {
    for (String text :
        new String[] {"two\nlines", "tab\there", "bell\u0007", "del\u007f", "c1\u0085"}) {
      assertThat(ActionRequest.textProblem(text)).as(text).isPresent();
    }
  }

  @Test
  void refusesLineSeparatorsAndBidiOverrides() {
    assertThat(ActionRequest.textProblem("a\u2028b")).isPresent();
    assertThat(ActionRequest.textProblem("evil\u202Etxt")).isPresent();
  }

  @Test
  void refusesADoubleQuoteThatCouldSplitTheArgument() {
    assertThat(ActionRequest.textProblem("hi\" /server:elsewhere \"x")).isPresent();
  }

  @Test
  void refusesALeadingOptionCharacter() {
    assertThat(ActionRequest.textProblem("/server:elsewhere")).isPresent();
    assertThat(ActionRequest.textProblem(" -v")).isPresent();
  }

  @Test
  void allowsSlashesAndDashesInsideTheText() {
    assertThat(ActionRequest.textProblem("Save to C:/work - now")).isEmpty();
  }

  @Test
  void travelsAsJsonWithItsTextAndWithoutIt() throws Exception {
    String json = Json.mapper().writeValueAsString(new ActionRequest("Log off in 5 min"));

    assertThat(json).isEqualTo("{\"text\":\"Log off in 5 min\"}");
    assertThat(Json.mapper().readValue(json, ActionRequest.class).text())
        .isEqualTo("Log off in 5 min");
    assertThat(Json.mapper().writeValueAsString(ActionRequest.NONE)).isEqualTo("{}");
  }

  @Test
  void messageIsAnActionOnTheWire() throws Exception {
    assertThat(Json.mapper().writeValueAsString(SessionAction.MESSAGE)).isEqualTo("\"message\"");
    assertThat(SessionAction.find("message")).contains(SessionAction.MESSAGE);
  }
}
