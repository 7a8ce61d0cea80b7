package dev.sessionwatch.app.settings;

import java.util.List;

/**
 * How the user arranged one session table: its columns in display order, each with its width and
 * whether it is shown. Stored with the settings so the arrangement survives a restart.
 */
public record TableLayout(List<Column> columns) {
  public TableLayout {
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  /**
   * @param id the column's stable id (not its title, which may be reworded)
   */
  public record Column(String id, double width, boolean visible) {}
}
