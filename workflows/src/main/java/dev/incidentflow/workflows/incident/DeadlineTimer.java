package dev.incidentflow.workflows.incident;

import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits with timers that do not outlive their wait (version 1 of {@link
 * IncidentWorkflowImpl#CANCEL_IDLE_TIMERS}).
 *
 * <p>{@code Workflow.await(Duration, condition)} in SDK 1.38 leaves its timer running when the
 * condition ends the wait first; the timer fires later into a workflow task with nothing to do. An
 * incident woken by an alert, a change or its channel opening left one each time, and every new
 * incident left the 5 s timer of its first save's wait. Here the timer of the incident's next
 * deadline is kept while the incident waits for that same deadline again, and cancelled when the
 * deadline moves or goes away; a wait of its own ({@link #awaitAtMost}) cancels its timer when the
 * condition comes first. Version 2 leaves timers due within {@link #KEEP_TIMERS_DUE_WITHIN} to
 * fire.
 */
final class DeadlineTimer {
  /**
   * A timer due this soon is left to fire instead of cancelled (version 2 of {@link
   * IncidentWorkflowImpl#CANCEL_IDLE_TIMERS}): the server may fire it while the workflow task that
   * cancels it is out, and Temporal's Java test server then refuses the whole task (a real server
   * drops the fired event instead). A task is accepted only within its timeout, 10 s by default, so
   * a timer due later than that cannot have fired.
   */
  static final Duration KEEP_TIMERS_DUE_WITHIN = Duration.ofSeconds(10);

  /** Null when every timer is cancelled (version 1). */
  private final Duration keepWithin;

  private Instant due;
  private Promise<Void> timer;
  private CancellationScope scope;

  /**
   * @param keepTimersDueSoon whether a timer due within {@link #KEEP_TIMERS_DUE_WITHIN} is left to
   *     fire rather than cancelled
   */
  DeadlineTimer(boolean keepTimersDueSoon) {
    this.keepWithin = keepTimersDueSoon ? KEEP_TIMERS_DUE_WITHIN : null;
  }

  /**
   * Waits until {@code wake} holds or {@code due}, {@code wait} from now, has come; the timer stays
   * for the next wait for the same deadline. True when {@code wake} ended the wait.
   */
  boolean await(Instant due, Duration wait, Supplier<Boolean> wake) {
    if (wake.get()) {
      return true;
    }
    if (!due.equals(this.due)) {
      cancel();
      this.due = due;
      scope = Workflow.newCancellationScope(() -> timer = Workflow.newTimer(wait));
      scope.run();
      // A cancelled timer fails its promise, which nothing reads: without a handler the SDK logs a
      // warning with a stack trace for each one whenever the worker lets go of the incident.
      timer.exceptionally(cancelled -> null);
    }
    Promise<Void> running = timer;
    Workflow.await(() -> running.isCompleted() || wake.get());
    if (running.isCompleted()) {
      this.due = null;
      timer = null;
      scope = null;
      return false;
    }
    return true;
  }

  /**
   * Forgets the timer of the deadline waited for last, and cancels it if it has not fired and is
   * not due soon (see {@link #KEEP_TIMERS_DUE_WITHIN}).
   */
  void cancel() {
    if (scope != null && !timer.isCompleted() && !isDueSoon()) {
      scope.cancel("no longer waited for");
    }
    due = null;
    timer = null;
    scope = null;
  }

  private boolean isDueSoon() {
    return keepWithin != null
        && !due.isAfter(Instant.ofEpochMilli(Workflow.currentTimeMillis()).plus(keepWithin));
  }

  /**
   * {@code Workflow.await(timeout, condition)} whose timer is cancelled when the condition comes
   * first, however soon it is due: the condition comes at once far more often than at the timer's
   * end, where it could race the timer. True when it did.
   */
  static boolean awaitAtMost(Duration timeout, Supplier<Boolean> condition) {
    DeadlineTimer once = new DeadlineTimer(false);
    Instant due = Instant.ofEpochMilli(Workflow.currentTimeMillis()).plus(timeout);
    boolean met = once.await(due, timeout, condition);
    once.cancel();
    return met;
  }
}
