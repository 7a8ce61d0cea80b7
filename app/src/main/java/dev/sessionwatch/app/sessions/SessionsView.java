package dev.sessionwatch.app.sessions;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The three session tabs, Panel, FTP and Terminal, each titled with its count. */
public final class SessionsView {
  private final TabPane tabs = new TabPane();

  public SessionsView(SessionsViewModel viewModel) {
    tabs.setId("session-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    for (SessionTableViewModel table : viewModel.tables()) {
      Tab tab = new Tab();
      tab.setId(table.kind().wireName() + "-tab");
      tab.textProperty().bind(table.titleProperty());
      tab.setContent(new SessionTable(table).node());
      tabs.getTabs().add(tab);
    }
  }

  public TabPane node() {
    return tabs;
  }
}
