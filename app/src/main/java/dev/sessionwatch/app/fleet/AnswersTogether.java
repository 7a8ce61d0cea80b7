package dev.sessionwatch.app.fleet;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands the pollers' answers to the FX thread in batches: every answer waiting when the FX thread
 * gets to them is applied in one {@link Fleet#together} call, so that a round of hundreds of hosts
 * costs the tables a few changes of their lists rather than one per host. Answers keep their order.
 */
public final class AnswersTogether implements Executor {
  private static final System.Logger LOG = System.getLogger(AnswersTogether.class.getName());

  private final Fleet fleet;
  private final Executor fxExecutor;
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  /** Whether a batch is queued on the FX thread and has not started taking answers yet. */
  private final AtomicBoolean batchQueued = new AtomicBoolean();

  /**
   * @param fxExecutor the FX thread: {@code Platform::runLater} in the console
   */
  public AnswersTogether(Fleet fleet, Executor fxExecutor) {
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    this.fxExecutor = Objects.requireNonNull(fxExecutor, "fxExecutor");
  }

  /** Applies {@code answer} on the FX thread, together with the others waiting then. */
  @Override
  public void execute(Runnable answer) {
    waiting.add(answer);
    if (batchQueued.compareAndSet(false, true)) {
      fxExecutor.execute(this::applyWaiting);
    }
  }

  private void applyWaiting() {
    // Cleared first: an answer arriving from now on either joins this batch or queues the next.
    batchQueued.set(false);
    fleet.together(
        () -> {
          // Only those waiting now: answers arriving meanwhile have queued the next batch.
          for (int left = waiting.size(); left > 0; left--) {
            apply(waiting.poll());
          }
        });
  }

  private static void apply(Runnable answer) {
    try {
      answer.run();
    } catch (RuntimeException e) {
      // One answer's bug must not lose the others in the batch.
      LOG.log(System.Logger.Level.ERROR, "applying an answer failed", e);
    }
  }
}
