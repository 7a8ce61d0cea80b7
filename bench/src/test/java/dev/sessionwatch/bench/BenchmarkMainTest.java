package dev.sessionwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The harness at its smallest (two servers, a second or so each): it runs end to end and produces
 * every row of the table. Its timings mean nothing and are not looked at.
 */
class BenchmarkMainTest {

  @Test
  void quickRunProducesEveryRowOfTheTable() throws Exception {
    List<Figure> figures =
        BenchmarkMain.run(
            BenchmarkMain.Scale.QUICK, Set.of("agent", "memory", "engine", "ui", "jmh"));

    assertThat(figures)
        .extracting(Figure::name)
        .anyMatch(name -> name.startsWith("agent GET /v1/sessions median"))
        .anyMatch(name -> name.startsWith("agent GET /v1/sessions p99"))
        .anyMatch(name -> name.startsWith("agent source reads in"))
        .anyMatch(name -> name.startsWith("agent 304 on the wire"))
        .anyMatch(name -> name.startsWith("agent heap after GC"))
        .anyMatch(name -> name.startsWith("console round time, max"))
        .anyMatch(name -> name.startsWith("console CPU"))
        .anyMatch(name -> name.startsWith("console heap after GC"))
        .anyMatch(name -> name.startsWith("UI apply a 1%-changed refresh"))
        .anyMatch(name -> name.startsWith("UI filter by a search term"))
        .anyMatch(name -> name.startsWith("UI selection survives"));
    assertThat(figures)
        .filteredOn(figure -> figure.name().startsWith("console shows every server"))
        .singleElement()
        .satisfies(figure -> assertThat(figure.verdict()).isEqualTo(Figure.Verdict.PASS));
    assertThat(ResultTable.format(figures).lines()).hasSize(figures.size() + 2);
  }
}
