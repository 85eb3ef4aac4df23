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
 * condition comes first.
 */
final class DeadlineTimer {
  private Instant due;
  private Promise<Void> timer;
  private CancellationScope scope;

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

  /** Cancels the timer of the deadline waited for last, if it has not fired. */
  void cancel() {
    if (scope != null && !timer.isCompleted()) {
      scope.cancel("no longer waited for");
    }
    due = null;
    timer = null;
    scope = null;
  }

  /**
   * {@code Workflow.await(timeout, condition)} whose timer is cancelled when the condition comes
   * first; true when it did.
   */
  static boolean awaitAtMost(Duration timeout, Supplier<Boolean> condition) {
    DeadlineTimer once = new DeadlineTimer();
    Instant due = Instant.ofEpochMilli(Workflow.currentTimeMillis()).plus(timeout);
    boolean met = once.await(due, timeout, condition);
    once.cancel();
    return met;
  }
}
