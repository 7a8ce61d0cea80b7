package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/** JavaFX only logs a broken stylesheet and drops the rest of it: catch that here. */
class StylesheetTest {

  @Test
  void appStylesheetParsesWithoutErrors() throws Exception {
    URL stylesheet = SessionwatchApp.class.getResource("app.css");
    CssParser.errorsProperty().clear();

    new CssParser().parse(stylesheet);

    assertThat(CssParser.errorsProperty()).extracting(Object::toString).isEmpty();
  }
}
