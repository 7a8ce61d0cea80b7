package dev.sessionwatch.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryTableTest {

  @Test
  void findsTheSecondColumnWhereTheHeaderPutsIt() {
    // A newer Windows prints a wider SESSIONNAME column: the user starts at column 27, not 19.
    var rows = QueryTable.rows(Recorded.text("qwinsta-en-wide-detached.txt"));

    assertThat(rows)
        .extracting(QueryTable.Row::first)
        .containsExactly("services", "", "console", "rdp-tcp");
    assertThat(rows.get(1).rest()).startsWith("Gamer ");
  }

  @Test
  void readsAHeaderWhoseFirstColumnNameHasASpace() {
    var rows = QueryTable.rows(Recorded.text("quser-es-disconnected.txt"));

    assertThat(rows).extracting(QueryTable.Row::first).containsExactly("mabe-b3", "otro00");
  }

  @Test
  void countsEastAsianCharactersAsTwoColumns() {
    var rows = QueryTable.rows(Recorded.text("qwinsta-ja.txt"));

    assertThat(rows)
        .extracting(QueryTable.Row::first)
        .containsExactly("services", "console", "rdp-tcp");
    assertThat(rows.get(1).rest()).startsWith("user1 ");
  }

  @Test
  void marksTheSessionTheCommandRanIn() {
    var rows = QueryTable.rows(Recorded.text("qwinsta-de.txt"));

    assertThat(rows)
        .extracting(QueryTable.Row::current)
        .containsExactly(false, false, false, true, false);
  }

  @Test
  void hasNoRowsForEmptyOutput() {
    assertThat(QueryTable.rows("")).isEmpty();
    assertThat(QueryTable.rows("\r\n")).isEmpty();
  }

  @Test
  void refusesALineThatDoesNotStartWithTheMarkerColumn() {
    String output = " USERNAME              SESSIONNAME\nalice                 console\n";

    assertThatThrownBy(() -> QueryTable.rows(output))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void refusesALineRunningAcrossTheColumns() {
    String output = " USERNAME              SESSIONNAME\n averyveryverylongusername console\n";

    assertThatThrownBy(() -> QueryTable.rows(output))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runs across");
  }

  @Test
  void refusesAMessageInsteadOfATable() {
    assertThatThrownBy(() -> QueryTable.rows(Recorded.text("quser-no-user.stderr")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("single column");
  }
}
