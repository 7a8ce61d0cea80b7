package dev.sessionwatch.app;

import dev.sessionwatch.app.actions.SessionActionsViewModel;
import dev.sessionwatch.app.agent.AgentClient;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.HostPoller;
import dev.sessionwatch.app.fleet.WatchedHost;
import dev.sessionwatch.app.hosts.StatusLine;
import dev.sessionwatch.app.hosts.StatusLineViewModel;
import dev.sessionwatch.app.sessions.SessionsView;
import dev.sessionwatch.app.sessions.SessionsViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import okhttp3.OkHttpClient;

/**
 * The console's main view and what feeds it: the fleet model, a poller per host, and the views
 * bound to them. Build, start and close it on the FX thread; it owns no threads of its own.
 */
public final class Console implements AutoCloseable {
  static final Duration REFRESH_INTERVAL = Duration.ofSeconds(5);

  /** Below the interval, so a dead host has given up before its next poll is due. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);

  private final List<HostPoller> pollers;
  private final SessionsViewModel sessions;
  private final BorderPane root = new BorderPane();
  private final Timeline clockTick;

  /**
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
    Fleet fleet = new Fleet(clock);
    this.pollers =
        hosts.stream()
            .map(
                watched ->
                    new HostPoller(
                        fleet.addHost(watched.name()),
                        new AgentClient(http, watched.endpoint(), REQUEST_TIMEOUT, clock),
                        fleet,
                        scheduler,
                        fxExecutor))
            .toList();
    this.sessions = new SessionsViewModel(fleet, clock);
    this.clockTick =
        new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), event -> sessions.tick()));
    clockTick.setCycleCount(Animation.INDEFINITE);

    root.getStyleClass().add("console");
    root.setTop(toolBar());
    SessionActionsViewModel actions =
        new SessionActionsViewModel(
            host -> poller(host).map(HostPoller::client),
            host -> poller(host).ifPresent(HostPoller::refreshNow),
            scheduler,
            fxExecutor);
    root.setCenter(new SessionsView(sessions, actions).node());
    root.setBottom(new StatusLine(new StatusLineViewModel(fleet.hosts(), clock.getZone())).node());
    root.addEventHandler(
        KeyEvent.KEY_PRESSED,
        event -> {
          if (event.getCode() == KeyCode.F5) {
            refreshNow();
            event.consume();
          }
        });
  }

  public Parent view() {
    return root;
  }

  /** Polls every host now and then on the timer. */
  public void start() {
    pollers.forEach(poller -> poller.start(REFRESH_INTERVAL));
    clockTick.play();
  }

  /** Polls every host now (F5). */
  public void refreshNow() {
    pollers.forEach(HostPoller::refreshNow);
  }

  private Optional<HostPoller> poller(Host host) {
    return pollers.stream().filter(poller -> poller.host() == host).findFirst();
  }

  @Override
  public void close() {
    clockTick.stop();
    pollers.forEach(HostPoller::close);
  }

  private ToolBar toolBar() {
    Button refresh = new Button("Refresh");
    refresh.setId("refresh-button");
    refresh.setTooltip(new Tooltip("Refresh every server now (F5)"));
    refresh.setOnAction(event -> refreshNow());
    Pane spacer = new Pane();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label interval = new Label("Auto-refresh every " + REFRESH_INTERVAL.toSeconds() + " s");
    interval.getStyleClass().add("refresh-interval");
    return new ToolBar(refresh, spacer, interval);
  }
}
