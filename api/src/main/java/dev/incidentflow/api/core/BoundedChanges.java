package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.errors.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to a workflow (its Updates) waited for at most a bounded time. An Update waits for the
 * workflow to take it and to save it, so it waits as long as no worker runs or the database refuses
 * the save, and its caller heard nothing for as long as that lasted. Each change waits on a thread
 * of its own, left behind (interrupted, which ends Temporal's wait) once the time is up; at most
 * {@link #MAX_WAITING} wait at once, and a change beyond them is answered 503 at once. A new
 * incident's or action item's question whether it is recorded waits here too ({@link #within}),
 * sharing those threads.
 */
public final class BoundedChanges {
  private static final Logger log = LoggerFactory.getLogger(BoundedChanges.class);

  /** How long a change is waited for before its caller is told it is not confirmed. */
  public static final Duration CHANGE_WAIT = Duration.ofSeconds(30);

  /** Changes waiting at once; more are refused with 503 rather than queued without end. */
  static final int MAX_WAITING = 64;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService waiting =
      new ThreadPoolExecutor(
          0,
          MAX_WAITING,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          work -> {
            Thread thread = new Thread(work, "incident-change-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
  private final Duration wait;

  public BoundedChanges(Duration wait) {
    this.wait = requireNonNull(wait, "wait is null");
  }

  /**
   * Makes {@code change} and returns its result, or throws what it threw.
   *
   * @param subject what is changed, as the answer names it ({@code INC-2}, {@code the postmortem of
   *     INC-2})
   * @param path where a client reads whether the change was made
   * @throws ApiException 503 when it did not end within the wait (it may still be made), or when
   *     {@link #MAX_WAITING} changes wait already (it was not sent)
   */
  public <T> T make(Supplier<T> change, String subject, String path) {
    Future<T> made =
        submit(change)
            .orElseThrow(
                () ->
                    new ApiException(
                        503,
                        MAX_WAITING
                            + " changes are waiting for their workflows already; the change to "
                            + subject
                            + " was not sent",
                        List.of("send it again in a minute")));
    try {
      return made.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException failed) {
      throw rethrown(failed);
    } catch (TimeoutException slow) {
      made.cancel(true);
      log.warn("{}: a change was not done within {}", subject, wait);
      throw notConfirmed(subject, path);
    } catch (InterruptedException interrupted) {
      made.cancel(true);
      Thread.currentThread().interrupt();
      throw notConfirmed(subject, path);
    }
  }

  /**
   * What {@code work} returned, or empty when it did not end within {@code limit} (it is then left
   * behind, interrupted) or {@link #MAX_WAITING} waits, changes or these, are going already (then
   * at once, without making it). For a call whose own wait has no end, as Temporal's for a worker
   * to accept an Update: with no worker running it would hold its caller until one came.
   *
   * @throws RuntimeException what {@code work} threw
   */
  public <T> Optional<T> within(Duration limit, Supplier<T> work) {
    Optional<Future<T>> started = submit(work);
    if (started.isEmpty()) {
      return Optional.empty();
    }
    Future<T> running = started.get();
    try {
      return Optional.of(running.get(limit.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException failed) {
      throw rethrown(failed);
    } catch (TimeoutException slow) {
      running.cancel(true);
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      running.cancel(true);
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** {@code work} waiting on a thread of its own, or empty when {@link #MAX_WAITING} are. */
  private <T> Optional<Future<T>> submit(Supplier<T> work) {
    try {
      return Optional.of(waiting.submit(work::get));
    } catch (RejectedExecutionException full) {
      return Optional.empty();
    }
  }

  /** What the work behind {@code failed} threw, to be thrown on the waiting thread. */
  private static RuntimeException rethrown(ExecutionException failed) {
    Throwable cause = failed.getCause();
    if (cause instanceof RuntimeException thrown) {
      return thrown;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }

  private ApiException notConfirmed(String subject, String path) {
    return new ApiException(
        503,
        subject
            + " did not confirm the change within "
            + wait.toSeconds()
            + " s (its worker or the database is slow or down); it may still be made",
        List.of("read GET " + path + " before sending it again"));
  }
}
