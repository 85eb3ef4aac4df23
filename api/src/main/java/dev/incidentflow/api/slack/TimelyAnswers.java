package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.errors.UnexpectedErrorMapper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a slash command within Slack's three seconds whatever its first, quick part meets: a
 * database that hangs, Slack slow to say who typed it. An answer not ready within {@code within} is
 * replaced by a note that it comes later, and posted to {@code response_url} when it is; a failure
 * is an answer that says so with an error id, never an HTTP error, which Slack shows as a bare
 * "failed with the error".
 */
final class TimelyAnswers {
  private static final Logger log = LoggerFactory.getLogger(TimelyAnswers.class);

  static final SlackReply SLOW =
      SlackReply.ephemeral(
          "IncidentFlow is slow to answer right now (its database or Slack is slow). Your command"
              + " was not dropped: what comes of it is posted here when it is done.");

  /**
   * How long a command may wait for a thread before it is dropped rather than started: Slack's
   * response_url takes answers for 30 minutes, and a change made much later than it was typed (a
   * resolve, an escalation queued behind a hung database) is one nobody asked for any more.
   */
  static final Duration STARTS_WITHIN = Duration.ofMinutes(5);

  static final SlackReply TOO_LATE =
      SlackReply.ephemeral(
          "Not done: your command waited more than "
              + STARTS_WITHIN.toMinutes()
              + " minutes for IncidentFlow (its database or Slack was slow) and was dropped"
              + " rather than carried out this late. Check the incident channel, and type it again"
              + " if it is still needed.");

  private final Executor executor;
  private final Duration within;
  private final Duration startsWithin;
  private final BiConsumer<String, SlackReply> send;

  /**
   * @param send posts a reply to a response_url; never throws
   */
  TimelyAnswers(Executor executor, Duration within, BiConsumer<String, SlackReply> send) {
    this(executor, within, STARTS_WITHIN, send);
  }

  TimelyAnswers(
      Executor executor,
      Duration within,
      Duration startsWithin,
      BiConsumer<String, SlackReply> send) {
    this.executor = requireNonNull(executor, "executor is null");
    this.within = requireNonNull(within, "within is null");
    this.startsWithin = requireNonNull(startsWithin, "startsWithin is null");
    this.send = requireNonNull(send, "send is null");
  }

  /**
   * The answer {@code work} gives within the time, else {@link #SLOW}, its answer following on
   * {@code responseUrl} (unless it is {@code followedAnyway}, an answer whose work posts its own
   * outcome there).
   *
   * @param unavailable the answer when the executor no longer takes work (shutting down)
   */
  SlackReply answer(
      String responseUrl,
      Supplier<SlackReply> work,
      SlackReply followedAnyway,
      SlackReply unavailable) {
    CompletableFuture<SlackReply> answer;
    long queued = System.nanoTime();
    try {
      answer =
          CompletableFuture.supplyAsync(
              () -> System.nanoTime() - queued > startsWithin.toNanos() ? TOO_LATE : work.get(),
              executor);
    } catch (RejectedExecutionException shuttingDown) {
      return unavailable;
    }
    try {
      return answer.get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException failed) {
      return failure(failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException slow) {
      // Answered below.
    }
    answer.whenComplete(
        (reply, failed) -> {
          if (failed != null) {
            send.accept(
                responseUrl, failure(failed.getCause() == null ? failed : failed.getCause()));
          } else if (reply != followedAnyway) {
            send.accept(responseUrl, reply);
          }
        });
    return SLOW;
  }

  /**
   * What a Slack request that failed unexpectedly answers: an error id to find it in the log by,
   * and that it may not have been done. A database that is down or hung is said to be, as the HTTP
   * API's 503 says it, and logged as an outage rather than as a bug.
   */
  static SlackReply failure(Throwable failure) {
    String errorId = Long.toHexString(ThreadLocalRandom.current().nextLong());
    String what;
    if (UnexpectedErrorMapper.isDatabaseUnavailable(failure)) {
      log.warn(
          "error {}: a Slack request failed: PostgreSQL unavailable: {}",
          errorId,
          failure.toString());
      what = "IncidentFlow's database is unavailable or did not answer in time";
    } else {
      log.error("error {}: a Slack request failed", errorId, failure);
      what = "Something went wrong";
    }
    return SlackReply.ephemeral(
        what
            + " (error "
            + errorId
            + "); it may not have been done. Check the incident channel, and try again in a"
            + " minute.");
  }
}
