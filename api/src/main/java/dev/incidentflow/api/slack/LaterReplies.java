package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Work a Slack request asked for, done after its answer, with what came of it posted to the
 * request's {@code response_url}. Work still unfinished after {@code stillWorkingAfter} (waiting
 * for a worker that is restarting or down, up to the 30 s after which a change is answered as not
 * confirmed, or queued behind such work) gets a notice first, so the person who typed it is not
 * left with "Working on it…" alone; the outcome follows it when the work ends.
 */
final class LaterReplies {
  static final SlackReply STILL_WORKING =
      SlackReply.ephemeral(
          "Still working on it: IncidentFlow has not finished this yet; its worker may be"
              + " restarting or down. You will hear here how it ended. If it was not confirmed,"
              + " check `/incident status` and the incident channel before typing it again: it"
              + " may still go through.");

  private final Executor executor;
  private final ScheduledExecutorService timer;
  private final BiConsumer<String, SlackReply> send;
  private final Duration stillWorkingAfter;
  private final Duration startsWithin;

  /**
   * @param send posts a reply to a response_url; never throws
   */
  LaterReplies(
      Executor executor,
      ScheduledExecutorService timer,
      BiConsumer<String, SlackReply> send,
      Duration stillWorkingAfter) {
    this(executor, timer, send, stillWorkingAfter, TimelyAnswers.STARTS_WITHIN);
  }

  /**
   * @param startsWithin work that waited longer for a thread is dropped, and the person told so
   *     (see {@link TimelyAnswers#STARTS_WITHIN})
   */
  LaterReplies(
      Executor executor,
      ScheduledExecutorService timer,
      BiConsumer<String, SlackReply> send,
      Duration stillWorkingAfter,
      Duration startsWithin) {
    this.startsWithin = requireNonNull(startsWithin, "startsWithin is null");
    this.executor = requireNonNull(executor, "executor is null");
    this.timer = requireNonNull(timer, "timer is null");
    this.send = requireNonNull(send, "send is null");
    this.stillWorkingAfter = requireNonNull(stillWorkingAfter, "stillWorkingAfter is null");
  }

  /**
   * Does {@code work} (which never throws: it says what went wrong) and posts its text; false when
   * the executor no longer takes work because the process is shutting down.
   */
  boolean submit(String responseUrl, Supplier<String> work) {
    Pending pending = new Pending(responseUrl);
    long queued = System.nanoTime();
    try {
      executor.execute(
          () ->
              pending.finish(
                  System.nanoTime() - queued > startsWithin.toNanos()
                      ? TimelyAnswers.TOO_LATE.text()
                      : work.get()));
    } catch (RejectedExecutionException shuttingDown) {
      return false;
    }
    try {
      pending.notice(
          timer.schedule(
              pending::stillWorking, stillWorkingAfter.toMillis(), TimeUnit.MILLISECONDS));
    } catch (RejectedExecutionException shuttingDown) {
      // No notice while shutting down; the outcome still comes.
    }
    return true;
  }

  /** One request's replies: the notice only while the work runs, and always before the outcome. */
  private final class Pending {
    private final String responseUrl;
    private boolean finished;
    private ScheduledFuture<?> notice;

    Pending(String responseUrl) {
      this.responseUrl = responseUrl;
    }

    synchronized void notice(ScheduledFuture<?> scheduled) {
      if (finished) {
        scheduled.cancel(false);
      } else {
        notice = scheduled;
      }
    }

    synchronized void stillWorking() {
      if (!finished) {
        send.accept(responseUrl, STILL_WORKING);
      }
    }

    synchronized void finish(String outcome) {
      finished = true;
      if (notice != null) {
        notice.cancel(false);
      }
      send.accept(responseUrl, SlackReply.ephemeral(outcome));
    }
  }
}
