package dev.sessionwatch.app;

import dev.sessionwatch.app.actions.SessionActionsViewModel;
import dev.sessionwatch.app.agent.PresentedCertificate;
import dev.sessionwatch.app.fleet.AnswersTogether;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.HostPollers;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.fleet.WatchedHost;
import dev.sessionwatch.app.hosts.ConnectionCheck;
import dev.sessionwatch.app.hosts.ServerDialog;
import dev.sessionwatch.app.hosts.ServerDialogViewModel;
import dev.sessionwatch.app.hosts.ServerList;
import dev.sessionwatch.app.hosts.ServerListViewModel;
import dev.sessionwatch.app.hosts.StatusLine;
import dev.sessionwatch.app.hosts.StatusLineViewModel;
import dev.sessionwatch.app.hosts.TrustCertificateDialog;
import dev.sessionwatch.app.hosts.TrustCertificateViewModel;
import dev.sessionwatch.app.local.EmbeddedAgents;
import dev.sessionwatch.app.sessions.SessionTable;
import dev.sessionwatch.app.sessions.SessionsView;
import dev.sessionwatch.app.sessions.SessionsViewModel;
import dev.sessionwatch.app.settings.LoadedSettings;
import dev.sessionwatch.app.settings.SavedServer;
import dev.sessionwatch.app.settings.Settings;
import dev.sessionwatch.app.settings.SettingsStore;
import dev.sessionwatch.app.settings.TableLayout;
import dev.sessionwatch.app.settings.WindowSize;
import dev.sessionwatch.protocol.CertificateFingerprint;
import dev.sessionwatch.protocol.SessionKind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import okhttp3.OkHttpClient;

/**
 * The console's main view and what feeds it: the fleet, a poller per host, the server list, the
 * session tables, menus and status bar, and the settings they are kept in. Build, start and close
 * it on the FX thread; blocking work (polling, starting embedded agents, saving settings) runs on
 * the scheduler it is given.
 *
 * <p>Which hosts it watches: the servers the user added, the demo servers while they are on, and,
 * when there is neither, this computer through its embedded agent.
 */
public final class Console implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Console.class.getName());

  /** How long settings changed in a burst (a window resized) wait before they are saved. */
  private static final javafx.util.Duration SAVE_DELAY = javafx.util.Duration.millis(800);

  private final ScheduledExecutorService scheduler;
  private final Executor fxExecutor;
  private final SettingsStore store;
  private final EmbeddedAgents embedded;
  private final ConnectionCheck connectionCheck;
  private final HostPollers pollers;
  private final ServerListViewModel serverList;
  private final SessionsViewModel sessions;
  private final Map<Host, SavedServer> configured = new LinkedHashMap<>();

  /** The certificate each host was last asked about, so a refused host asks once, not per poll. */
  private final Map<Host, CertificateFingerprint> askedToTrust = new HashMap<>();

  private final ZoneId zone;
  private final List<Host> demoHosts = new ArrayList<>();
  private final Map<SessionKind, TableLayoutTracker> layoutTrackers =
      new EnumMap<>(SessionKind.class);
  private final BorderPane root = new BorderPane();
  private final NoticeBar notices = new NoticeBar();
  private final Timeline clockTick;
  private final PauseTransition saveLater = new PauseTransition(SAVE_DELAY);
  private final ObjectProperty<Integer> refreshSeconds = new SimpleObjectProperty<>();
  private final BooleanProperty demo = new SimpleBooleanProperty(this, "demo");
  private final AtomicReference<Settings> unsaved = new AtomicReference<>();
  private final Object saveLock = new Object();

  private Settings settings;
  private Settings lastSaveRequested;
  private Host thisComputer;
  private boolean thisComputerStarting;
  private int demoGeneration;
  private boolean closed;

  /**
   * A console that watches exactly {@code hosts}, with default settings that are not saved and no
   * embedded agents.
   *
   * @param http shared by every host's client
   * @param scheduler where hosts are polled (blocking I/O)
   * @param fxExecutor where answers reach the model: {@code Platform::runLater}
   * @param clock the console's clock; its zone is where times are shown
   */
  public Console(
      List<WatchedHost> hosts,
      OkHttpClient http,
      ScheduledExecutorService scheduler,
      Executor fxExecutor,
      Clock clock) {
    this(
        new LoadedSettings(Settings.defaults(), null),
        null,
        null,
        http,
        scheduler,
        fxExecutor,
        clock);
    hosts.forEach(pollers::add);
  }

  /**
   * The console as the application runs it.
   *
   * @param loaded the settings read at start, with any problem reading them, shown as a notice
   * @param store where changed settings are saved; null for not at all
   * @param embedded the agents for this computer and the demo servers; null for none
   */
  public Console(
      LoadedSettings loaded,
      SettingsStore store,
      EmbeddedAgents embedded,
      OkHttpClient http,
      ScheduledExecutorService scheduler,
      Executor fxExecutor,
      Clock clock) {
    this.settings = loaded.settings();
    this.lastSaveRequested = settings;
    this.store = store;
    this.embedded = embedded;
    this.scheduler = scheduler;
    this.fxExecutor = fxExecutor;
    this.zone = clock.getZone();
    Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());
    this.connectionCheck = new ConnectionCheck(http, timeout, clock);
    Fleet fleet = new Fleet(clock);
    this.pollers =
        new HostPollers(
            fleet,
            http,
            scheduler,
            new AnswersTogether(fleet, fxExecutor),
            clock,
            timeout,
            interval(settings.refreshSeconds()));
    Map<SessionKind, ObservableList<SessionRow>> allSessions = new EnumMap<>(SessionKind.class);
    for (SessionKind kind : SessionKind.values()) {
      allSessions.put(kind, fleet.sessions(kind));
    }
    this.serverList = new ServerListViewModel(fleet.hosts(), allSessions, clock.getZone());
    this.sessions =
        new SessionsViewModel(serverList.visibleHosts(), serverList::visibleSessions, clock);
    Duration idle = Duration.ofMinutes(settings.idleMinutes());
    sessions.tables().forEach(table -> table.idleThresholdProperty().set(idle));
    this.clockTick =
        new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), event -> sessions.tick()));
    clockTick.setCycleCount(Animation.INDEFINITE);
    saveLater.setOnFinished(event -> save());

    for (SavedServer server : settings.servers()) {
      configured.put(pollers.add(watched(server)), server);
    }
    fleet.hosts().addListener((ListChangeListener<Host>) change -> askAboutNewCertificates());
    refreshSeconds.set(settings.refreshSeconds());
    refreshSeconds.addListener((value, old, seconds) -> setRefreshSeconds(seconds));
    demo.addListener((value, old, on) -> demoChanged(on));

    root.getStyleClass().add("console");
    root.setTop(new VBox(menuBar(), toolBar(), notices.node()));
    ServerList servers =
        new ServerList(
            serverList,
            this::addServer,
            this::editServer,
            this::removeServer,
            this::askToTrust,
            configured::containsKey);
    SessionActionsViewModel actions =
        new SessionActionsViewModel(pollers::client, pollers::refreshNow, scheduler, fxExecutor);
    SessionsView sessionsView = new SessionsView(sessions, actions);
    for (SessionKind kind : SessionKind.values()) {
      SessionTable table = sessionsView.table(kind);
      trackTableLayout(kind, table.node(), table::captureLayout, table::applyLayout);
    }
    SplitPane split = new SplitPane(servers.node(), sessionsView.node());
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.22);
    SplitPane.setResizableWithParent(servers.node(), false);
    root.setCenter(split);
    root.setBottom(new StatusLine(new StatusLineViewModel(fleet.hosts(), clock.getZone())).node());
    loaded.problemText().ifPresent(notices::show);
  }

  public Parent view() {
    return root;
  }

  /** Polls every host now and then on the timer. */
  public void start() {
    pollers.start();
    clockTick.play();
    watchThisComputerWhenNothingElse();
  }

  /** Polls every host now (F5). */
  public void refreshNow() {
    pollers.refreshNow();
  }

  /** Polls one host now, e.g. right after one of its sessions was ended. */
  public void refreshNow(Host host) {
    pollers.refreshNow(host);
  }

  /** The fleet's hosts with their pollers. */
  public HostPollers pollers() {
    return pollers;
  }

  /** The settings as they are now, including changes not yet saved. */
  public Settings settings() {
    return settings;
  }

  /** Whether the demo servers are watched; setting it starts or stops them. */
  public BooleanProperty demoProperty() {
    return demo;
  }

  /** The auto-refresh interval in seconds, 0 for off; setting it changes polling at once. */
  public ObjectProperty<Integer> refreshSecondsProperty() {
    return refreshSeconds;
  }

  /** Remembers the window's size, saved with the settings. */
  public void windowResized(WindowSize size) {
    if (size.fitsAScreen() && !size.equals(settings.window())) {
      settings = settings.withWindow(size);
      saveLater.playFromStart();
    }
  }

  /**
   * Keeps {@code kind}'s table layout in the settings: applies the saved one now, saves it again
   * when the user changes it, and on close.
   *
   * @param capture reads the table's layout ({@code SessionTable::captureLayout})
   * @param apply puts a layout on the table ({@code SessionTable::applyLayout})
   */
  private void trackTableLayout(
      SessionKind kind,
      TableView<?> table,
      Supplier<TableLayout> capture,
      Consumer<TableLayout> apply) {
    TableLayoutTracker tracker =
        new TableLayoutTracker(table, capture, layout -> layoutChanged(kind, layout), SAVE_DELAY);
    tracker.apply(settings.tableLayouts().get(kind), apply);
    layoutTrackers.put(kind, tracker);
  }

  private void layoutChanged(SessionKind kind, TableLayout layout) {
    if (!layout.equals(settings.tableLayouts().get(kind))) {
      settings = settings.withTableLayout(kind, layout);
      save();
    }
  }

  /** Stops polling and writes any settings not yet saved, waiting for that (briefly). */
  @Override
  public void close() {
    closed = true;
    clockTick.stop();
    pollers.close();
    saveLater.stop();
    layoutTrackers.forEach(
        (kind, tracker) -> settings = settings.withTableLayout(kind, tracker.captureNow()));
    if (store != null && !settings.equals(lastSaveRequested)) {
      unsaved.set(settings);
      try {
        CompletableFuture.runAsync(this::writeUnsaved, scheduler).get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "could not save the settings on close", e);
      }
    }
  }

  // --- servers

  private static WatchedHost watched(SavedServer server) {
    return new WatchedHost(server.name(), server.endpoint());
  }

  private void addServer() {
    serverDialog(null)
        .ifPresent(
            server -> {
              Host host = pollers.add(watched(server));
              configured.put(host, server);
              serversChanged();
            });
  }

  private void editServer(Host host) {
    SavedServer old = configured.get(host);
    if (old == null) {
      return;
    }
    serverDialog(old)
        .filter(server -> !server.equals(old))
        .ifPresent(server -> replaceServer(host, server));
  }

  /** A new address, token or pin is a new client: the host is replaced in place, not patched. */
  private void replaceServer(Host host, SavedServer server) {
    Host replacement = pollers.replace(host, watched(server));
    Map<Host, SavedServer> reordered = new LinkedHashMap<>();
    configured.forEach(
        (existing, saved) -> reordered.put(existing == host ? replacement : existing, saved));
    reordered.put(replacement, server);
    configured.clear();
    configured.putAll(reordered);
    askedToTrust.remove(host);
    serversChanged();
  }

  /**
   * Asks about each server whose agent presents a certificate not trusted yet, once per
   * certificate: after this the server list's status says it, and the operator can ask again.
   */
  private void askAboutNewCertificates() {
    for (Host host : configured.keySet()) {
      PresentedCertificate presented = host.untrustedCertificate();
      if (presented != null && !presented.fingerprint().equals(askedToTrust.get(host))) {
        askedToTrust.put(host, presented.fingerprint());
        // Not from inside the list's change notification.
        fxExecutor.execute(() -> askToTrust(host));
      }
    }
  }

  /** Shows the certificate the host's agent presents, and pins it if the operator trusts it. */
  private void askToTrust(Host host) {
    SavedServer server = configured.get(host);
    PresentedCertificate presented = host.untrustedCertificate();
    if (closed || server == null || presented == null) {
      return;
    }
    new TrustCertificateDialog(
            window(),
            new TrustCertificateViewModel(server.name(), server.agentUrl(), presented, zone))
        .show(
            () -> {
              if (configured.get(host) == server) {
                replaceServer(host, server.withPin(presented.pin()));
              }
            });
  }

  private void removeServer(Host host) {
    SavedServer server = configured.get(host);
    if (server == null) {
      return;
    }
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "The console stops watching "
                + server.name()
                + " ("
                + server.agentUrl()
                + ") and forgets its token. Nothing changes on the server.",
            ButtonType.CANCEL,
            new ButtonType("Remove", ButtonType.OK.getButtonData()));
    confirm.initOwner(window());
    confirm.setTitle("Remove server");
    confirm.setHeaderText("Remove " + server.name() + "?");
    confirm.getDialogPane().setId("remove-server-dialog");
    // Cancel is the default: Enter must not remove a server.
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    confirm.getButtonTypes().stream()
        .filter(type -> type != ButtonType.CANCEL)
        .map(type -> (Button) confirm.getDialogPane().lookupButton(type))
        .forEach(button -> button.setDefaultButton(false));
    Optional<ButtonType> answer = confirm.showAndWait();
    if (answer.isPresent() && answer.get() != ButtonType.CANCEL) {
      configured.remove(host);
      askedToTrust.remove(host);
      pollers.remove(host);
      serversChanged();
    }
  }

  private Optional<SavedServer> serverDialog(SavedServer editing) {
    Set<String> taken =
        pollers.hosts().stream()
            .map(Host::name)
            .filter(name -> editing == null || !name.equals(editing.name()))
            .collect(Collectors.toSet());
    ServerDialogViewModel viewModel =
        new ServerDialogViewModel(editing, taken, connectionCheck::check, scheduler, fxExecutor);
    return new ServerDialog(window(), viewModel, editing == null, zone).showAndWait();
  }

  private void serversChanged() {
    settings = settings.withServers(List.copyOf(configured.values()));
    save();
    watchThisComputerWhenNothingElse();
  }

  // --- this computer and the demo servers

  /** This computer is watched while no server is configured and the demo is off. */
  private void watchThisComputerWhenNothingElse() {
    if (embedded == null || closed) {
      return;
    }
    boolean wanted = configured.isEmpty() && !demo.get();
    if (!wanted && thisComputer != null) {
      pollers.remove(thisComputer);
      thisComputer = null;
    } else if (wanted && thisComputer == null && !thisComputerStarting) {
      thisComputerStarting = true;
      scheduler.execute(
          () -> {
            try {
              WatchedHost host = embedded.thisComputer();
              fxExecutor.execute(
                  () -> {
                    thisComputerStarting = false;
                    if (!closed && configured.isEmpty() && !demo.get() && thisComputer == null) {
                      thisComputer = pollers.add(host);
                    }
                  });
            } catch (IOException | RuntimeException e) {
              fxExecutor.execute(
                  () -> {
                    thisComputerStarting = false;
                    notices.show("Could not watch this computer: " + e.getMessage());
                  });
            }
          });
    }
  }

  private void demoChanged(boolean on) {
    if (embedded == null) {
      return;
    }
    int generation = ++demoGeneration;
    if (on) {
      watchThisComputerWhenNothingElse();
      scheduler.execute(
          () -> {
            try {
              List<WatchedHost> hosts = embedded.startDemo();
              fxExecutor.execute(
                  () -> {
                    if (!closed && generation == demoGeneration && demoHosts.isEmpty()) {
                      hosts.forEach(host -> demoHosts.add(pollers.add(host)));
                    }
                  });
            } catch (IOException | RuntimeException e) {
              fxExecutor.execute(
                  () -> {
                    notices.show("Could not start the demo servers: " + e.getMessage());
                    demo.set(false);
                  });
            }
          });
    } else {
      demoHosts.forEach(pollers::remove);
      demoHosts.clear();
      scheduler.execute(embedded::stopDemo);
      watchThisComputerWhenNothingElse();
    }
  }

  // --- refresh

  private static Duration interval(int seconds) {
    return seconds == 0 ? null : Duration.ofSeconds(seconds);
  }

  /** Marks sessions idle this long in every table, and remembers it. */
  private void setIdleMinutes(int minutes) {
    sessions
        .tables()
        .forEach(table -> table.idleThresholdProperty().set(Duration.ofMinutes(minutes)));
    if (minutes != settings.idleMinutes()) {
      settings = settings.withIdleMinutes(minutes);
      save();
    }
  }

  private void setRefreshSeconds(Integer seconds) {
    if (seconds == null || !Settings.REFRESH_CHOICES.contains(seconds)) {
      return;
    }
    pollers.setInterval(interval(seconds));
    if (seconds != settings.refreshSeconds()) {
      settings = settings.withRefreshSeconds(seconds);
      save();
    }
  }

  // --- saving

  /** Saves the settings as they are now, off the FX thread; a failure shows as a notice. */
  private void save() {
    if (store == null) {
      return;
    }
    lastSaveRequested = settings;
    unsaved.set(settings);
    scheduler.execute(
        () -> {
          try {
            writeUnsaved();
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "saving the settings failed", e);
          }
        });
  }

  /** Writes the newest unsaved settings, if any; writes never overlap, the newest lands last. */
  private void writeUnsaved() {
    synchronized (saveLock) {
      Settings latest = unsaved.getAndSet(null);
      if (latest == null) {
        return;
      }
      try {
        store.save(latest);
      } catch (IOException e) {
        fxExecutor.execute(
            () ->
                notices.show(
                    "Could not save the settings to " + store.file() + ": " + e.getMessage()));
      }
    }
  }

  // --- menus and toolbar

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }

  private MenuBar menuBar() {
    MenuItem add = new MenuItem("Add server…");
    add.setId("add-server-menu");
    add.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
    add.setOnAction(event -> addServer());
    CheckMenuItem demoServers = new CheckMenuItem("Demo servers");
    demoServers.setId("demo-servers-menu");
    demoServers.selectedProperty().bindBidirectional(demo);
    demoServers.setDisable(embedded == null);
    MenuItem quit = new MenuItem("Quit");
    quit.setId("quit-menu");
    quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    quit.setOnAction(
        event -> {
          if (window() != null) {
            window().hide();
          }
        });
    Menu file = new Menu("File", null, add, demoServers, new SeparatorMenuItem(), quit);

    MenuItem refresh = new MenuItem("Refresh now");
    refresh.setId("refresh-menu");
    refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
    refresh.setOnAction(event -> refreshNow());
    Menu autoRefresh = new Menu("Auto-refresh");
    ToggleGroup intervals = new ToggleGroup();
    for (int seconds : Settings.REFRESH_CHOICES) {
      RadioMenuItem choice = new RadioMenuItem(intervalText(seconds));
      choice.setToggleGroup(intervals);
      choice.setSelected(seconds == refreshSeconds.get());
      choice.setOnAction(event -> refreshSeconds.set(seconds));
      refreshSeconds.addListener((value, old, now) -> choice.setSelected(now == seconds));
      autoRefresh.getItems().add(choice);
    }
    Menu markIdle = new Menu("Mark sessions idle after");
    ToggleGroup thresholds = new ToggleGroup();
    for (int minutes : Settings.IDLE_CHOICES) {
      RadioMenuItem choice = new RadioMenuItem(minutes + " min");
      choice.setId("idle-" + minutes + "-menu");
      choice.setToggleGroup(thresholds);
      choice.setSelected(minutes == settings.idleMinutes());
      choice.setOnAction(event -> setIdleMinutes(minutes));
      markIdle.getItems().add(choice);
    }
    Menu view = new Menu("View", null, refresh, autoRefresh, markIdle);

    MenuItem about = new MenuItem("About Sessionwatch");
    about.setOnAction(event -> about());
    Menu help = new Menu("Help", null, about);

    MenuBar bar = new MenuBar(file, view, help);
    bar.setId("menu-bar");
    return bar;
  }

  private void about() {
    Alert alert =
        new Alert(
            Alert.AlertType.INFORMATION,
            "Every control-panel, FTP and terminal session on every server, in one window.\n\n"
                + "Version "
                + Optional.ofNullable(Console.class.getPackage().getImplementationVersion())
                    .orElse("development")
                + (store == null ? "" : "\nSettings: " + store.file()));
    alert.initOwner(window());
    alert.getDialogPane().getStylesheets().addAll(root.getStylesheets());
    alert.setTitle("About Sessionwatch");
    alert.setHeaderText("Sessionwatch");
    alert.show();
  }

  private ToolBar toolBar() {
    Button refresh = new Button("Refresh");
    refresh.setId("refresh-button");
    refresh.setTooltip(new Tooltip("Refresh every server now (F5)"));
    refresh.setOnAction(event -> refreshNow());
    Pane spacer = new Pane();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label label = new Label("Auto-refresh");
    label.getStyleClass().add("refresh-interval");
    ComboBox<Integer> chooser =
        new ComboBox<>(FXCollections.observableArrayList(Settings.REFRESH_CHOICES));
    chooser.setId("refresh-interval-choice");
    chooser.setTooltip(new Tooltip("How often every server is asked for its sessions"));
    chooser.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Integer seconds) {
            return seconds == null ? "" : intervalText(seconds);
          }

          @Override
          public Integer fromString(String text) {
            throw new UnsupportedOperationException("the chooser is not editable");
          }
        });
    chooser.valueProperty().bindBidirectional(refreshSeconds);
    label.setLabelFor(chooser);
    return new ToolBar(refresh, spacer, label, chooser);
  }

  private static String intervalText(int seconds) {
    return seconds == 0 ? "Off" : "every " + seconds + " s";
  }
}
