package dev.sessionwatch.bench;

import dev.sessionwatch.app.SessionwatchApp;
import dev.sessionwatch.app.actions.SessionActionsViewModel;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.agent.SessionSnapshot;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.ListingChanges;
import dev.sessionwatch.app.fleet.ListingDiff;
import dev.sessionwatch.app.fleet.SessionKey;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.hosts.ServerListViewModel;
import dev.sessionwatch.app.sessions.SessionsView;
import dev.sessionwatch.app.sessions.SessionsViewModel;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SessionList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * The session tables at fleet scale, in a real (headless) window: {@code servers} hosts of 100 FTP
 * sessions each in the FTP table, sorted, scrolled half way, some rows selected. Times, on the FX
 * thread, applying a refresh of every host in which one row in a hundred changed, and filtering
 * every row by a search term, each with the CSS and layout passes of the pulse that shows it.
 * Checks that selection, scroll position and sort order survive the refreshes.
 */
final class UiRun {
  private static final List<String> SEARCH_TERMS =
      List.of("shop", "203.0.113.7", "blog_ftp", "photo-1", "httpdocs/images", "anonymous");

  /** Refreshes, or rounds of every search term, in one slice of the warm-up. */
  private static final int WARM_UP_SLICE = 5;

  private final int servers;
  private final Duration longestWarmUp;
  private final int refreshes;

  /**
   * @param longestWarmUp the longest warm-up of refreshes, and then of searches
   */
  UiRun(int servers, Duration longestWarmUp, int refreshes) {
    this.servers = servers;
    this.longestWarmUp = longestWarmUp;
    this.refreshes = refreshes;
  }

  record Result(
      int rows,
      Percentiles refreshMillis,
      Percentiles filterMillis,
      boolean selectionKept,
      boolean scrollKept,
      boolean sortKept) {}

  Result run() throws Exception {
    Headless.start();
    Window window = Headless.onFx(this::show);
    try {
      Headless.onFx(window::prepare);
      Set<SessionKey> selected = Headless.onFx(window::selectedKeys);
      int firstVisible = Headless.onFx(window::firstVisible);
      List<Double> refreshTimes = new ArrayList<>();
      WarmUp.until(
          longestWarmUp,
          WarmUp::compiledHere,
          () -> refresh(window, WARM_UP_SLICE, new ArrayList<>()));
      refresh(window, refreshes, refreshTimes);
      boolean selectionKept = Headless.onFx(window::selectedKeys).equals(selected);
      boolean scrollKept = Headless.onFx(window::firstVisible) == firstVisible;
      boolean sortKept = Headless.onFx(window::sortedByLogin);
      List<Double> filterTimes = new ArrayList<>();
      WarmUp.until(
          longestWarmUp,
          WarmUp::compiledHere,
          () -> search(window, WARM_UP_SLICE, new ArrayList<>()));
      search(window, Math.max(2, refreshes / SEARCH_TERMS.size()), filterTimes);
      return new Result(
          Headless.onFx(window::rows),
          new Percentiles(refreshTimes.stream().mapToDouble(Double::doubleValue).toArray()),
          new Percentiles(filterTimes.stream().mapToDouble(Double::doubleValue).toArray()),
          selectionKept,
          scrollKept,
          sortKept);
    } finally {
      Headless.onFx(
          () -> {
            window.stage.close();
            return null;
          });
    }
  }

  /** Applies {@code count} refreshes, adding the time each took to {@code times}. */
  private static void refresh(Window window, int count, List<Double> times) throws Exception {
    for (int refresh = 0; refresh < count; refresh++) {
      List<Answer> answers = window.refreshed();
      times.add(window.frame(() -> window.apply(answers)));
      Thread.sleep(30); // lets the renderer draw the frame, as between two real refreshes
    }
  }

  /**
   * Searches for every term {@code rounds} times, adding the time each took to {@code times}, and
   * clears the search after each.
   */
  private static void search(Window window, int rounds, List<Double> times) throws Exception {
    for (int round = 0; round < rounds; round++) {
      for (String term : SEARCH_TERMS) {
        times.add(window.frame(() -> window.search(term)));
        Thread.sleep(30);
        window.frame(() -> window.search(""));
      }
    }
  }

  private Window show() {
    return new Window(servers);
  }

  /** A host's answer and what changed in it. */
  private record Answer(AgentResponse<SessionSnapshot> response, ListingChanges changes) {}

  /** The session tabs in a window, and the hosts that feed them. */
  private static final class Window {
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final Fleet fleet = new Fleet(clock);
    private final SessionsViewModel sessions;
    private final SessionsView view;
    private final Stage stage = new Stage();
    private final List<SyntheticHost> hosts = new ArrayList<>();
    private final List<Host> fleetHosts = new ArrayList<>();
    private final List<ListingDiff> listings = new ArrayList<>();

    Window(int servers) {
      Map<SessionKind, ObservableList<SessionRow>> all = new EnumMap<>(SessionKind.class);
      for (SessionKind kind : SessionKind.values()) {
        all.put(kind, fleet.sessions(kind));
      }
      ServerListViewModel serverList = new ServerListViewModel(fleet.hosts(), all, ZoneOffset.UTC);
      sessions =
          new SessionsViewModel(serverList.visibleHosts(), serverList::visibleSessions, clock);
      view =
          new SessionsView(
              sessions,
              new SessionActionsViewModel(
                  host -> Optional.empty(), host -> {}, Runnable::run, Runnable::run));
      Scene scene = new Scene(view.node(), 1280, 760);
      scene.getStylesheets().add(SessionwatchApp.class.getResource("app.css").toExternalForm());
      stage.setScene(scene);
      stage.show();
      ((TabPane) view.node().lookup("#session-tabs")).getSelectionModel().select(1);
      for (int index = 1; index <= servers; index++) {
        String name = "srv%03d".formatted(index);
        hosts.add(new SyntheticHost(name, 100));
        fleetHosts.add(fleet.addHost(name));
      }
      for (int index = 0; index < servers; index++) {
        AgentResponse<SessionSnapshot> answer = hosts.get(index).answer();
        listings.add(new ListingDiff());
        fleet.apply(fleetHosts.get(index), answer, listings.get(index).next(listingOf(answer)));
      }
      layout();
    }

    private TableView<SessionRow> table() {
      return view.table(SessionKind.FTP).node();
    }

    /** Sorts by login, selects three rows and scrolls half way down. */
    Void prepare() {
      TableView<SessionRow> table = table();
      TableColumn<SessionRow, ?> login =
          table.getColumns().stream()
              .filter(column -> "login".equals(column.getId()))
              .findFirst()
              .orElseThrow();
      table.getSortOrder().setAll(List.of(login));
      int middle = table.getItems().size() / 2;
      table.scrollTo(middle);
      table.getSelectionModel().selectIndices(middle + 2, middle + 4, middle + 6);
      layout();
      return null;
    }

    /**
     * Every host's next answer with what changed in it, worked out here as on the pollers' threads.
     */
    List<Answer> refreshed() {
      List<Answer> answers = new ArrayList<>();
      for (int index = 0; index < hosts.size(); index++) {
        AgentResponse<SessionSnapshot> answer = hosts.get(index).refreshed();
        answers.add(new Answer(answer, listings.get(index).next(listingOf(answer))));
      }
      return answers;
    }

    /**
     * Applies every host's answer together, as the console does with the answers waiting for one
     * frame (here the whole round, the worst case).
     */
    void apply(List<Answer> answers) {
      fleet.together(
          () -> {
            for (int index = 0; index < answers.size(); index++) {
              Answer answer = answers.get(index);
              fleet.apply(fleetHosts.get(index), answer.response(), answer.changes());
            }
          });
    }

    void search(String term) {
      sessions.searchTextProperty().set(term);
    }

    /**
     * Makes {@code change} on the FX thread, and times it together with the CSS and layout passes
     * of the next pulse, which show it: the FX thread's share of the frame. Forcing CSS from the
     * root instead, as {@link #layout} does, would restyle every node of the window, which no frame
     * of the console does.
     */
    double frame(Runnable change) throws Exception {
      CompletableFuture<Long> passes = new CompletableFuture<>();
      long changing =
          Headless.onFx(
              () -> {
                long start = System.nanoTime();
                change.run();
                long changed = System.nanoTime();
                timeNextPasses(passes);
                return changed - start;
              });
      return (changing + passes.get(60, TimeUnit.SECONDS)) / 1e6;
    }

    /** Completes {@code passes} with the time the next pulse takes for its CSS and layout. */
    private void timeNextPasses(CompletableFuture<Long> passes) {
      Scene scene = stage.getScene();
      long[] start = new long[1];
      Runnable beforeCss = () -> start[0] = System.nanoTime();
      Runnable afterLayout =
          new Runnable() {
            @Override
            public void run() {
              passes.complete(System.nanoTime() - start[0]);
              // Not while the scene goes through its listeners.
              Platform.runLater(
                  () -> {
                    scene.removePreLayoutPulseListener(beforeCss);
                    scene.removePostLayoutPulseListener(this);
                  });
            }
          };
      scene.addPreLayoutPulseListener(beforeCss);
      scene.addPostLayoutPulseListener(afterLayout);
      Platform.requestNextPulse();
    }

    Set<SessionKey> selectedKeys() {
      return table().getSelectionModel().getSelectedItems().stream()
          .map(SessionRow::key)
          .collect(Collectors.toSet());
    }

    int firstVisible() {
      VirtualFlow<?> flow = (VirtualFlow<?>) table().lookup(".virtual-flow");
      return flow.getFirstVisibleCell().getIndex();
    }

    /** Whether the table is still sorted by login, and its rows in that order. */
    boolean sortedByLogin() {
      TableView<SessionRow> table = table();
      if (table.getSortOrder().size() != 1
          || !"login".equals(table.getSortOrder().get(0).getId())) {
        return false;
      }
      Comparator<String> byLogin = Comparator.naturalOrder();
      List<SessionRow> items = table.getItems();
      for (int index = 1; index < items.size(); index++) {
        if (byLogin.compare(
                items.get(index - 1).session().user(), items.get(index).session().user())
            > 0) {
          return false;
        }
      }
      return true;
    }

    private static SessionList listingOf(AgentResponse<SessionSnapshot> answer) {
      return ((AgentResponse.Success<SessionSnapshot>) answer).value().list();
    }

    int rows() {
      return table().getItems().size();
    }

    /** Styles and lays out the whole window at once, to set it up. */
    private void layout() {
      Parent root = stage.getScene().getRoot();
      root.applyCss();
      root.layout();
    }
  }
}
