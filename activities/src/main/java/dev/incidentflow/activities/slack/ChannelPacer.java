package dev.incidentflow.activities.slack;

import static java.util.Objects.requireNonNull;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spaces {@code chat.postMessage} calls to about one per second per channel, the rate Slack
 * documents for posting to a channel, so a busy incident does not run into 429s in the first place.
 *
 * <p>It works per worker process: {@link #perProcess()} is one pacer shared by every {@link
 * SlackChatActivitiesImpl} of the process, but workers in other processes posting to the same
 * channel are not counted. What they add up to is left to Slack's short-burst tolerance and, past
 * that, to the 429 {@code Retry-After} the activity retry honours.
 *
 * <p>A message waits for its channel's next free second, but never longer than {@code maxWait}: the
 * wait holds an activity slot, which pages share, and holding slots for a minute behind a burst of
 * sixty messages (a storm announced in one stakeholder channel) would delay every other incident's
 * pages. A message that would wait longer goes out at once without taking a slot: waiting out
 * {@code maxWait} would hold the thread and still not keep it under the limit, so Slack's burst
 * tolerance and 429 {@code Retry-After} handle it.
 */
public final class ChannelPacer {
  /** Waits; {@link Thread#sleep} in production, a recorder in tests. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final ChannelPacer PER_PROCESS =
      new ChannelPacer(
          Duration.ofSeconds(1),
          Duration.ofSeconds(3),
          System::nanoTime,
          duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000));

  /** Beyond this many channels, those whose slot has passed are forgotten. */
  private static final int CHANNELS_REMEMBERED = 1_000;

  private final long intervalNanos;
  private final long maxWaitNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  /** Each channel's next free slot, on {@code nanoTime}'s scale. */
  private final Map<String, Long> nextSlot = new HashMap<>();

  ChannelPacer(Duration interval, Duration maxWait, LongSupplier nanoTime, Sleeper sleeper) {
    this.intervalNanos = requireNonNull(interval, "interval is null").toNanos();
    this.maxWaitNanos = requireNonNull(maxWait, "maxWait is null").toNanos();
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
    if (intervalNanos <= 0 || maxWaitNanos < 0) {
      throw new IllegalArgumentException("interval must be positive and maxWait not negative");
    }
  }

  /** One message per second per channel, waiting at most three seconds; shared by the process. */
  public static ChannelPacer perProcess() {
    return PER_PROCESS;
  }

  /**
   * Returns when a message may be posted to {@code channel}, after waiting at most {@code maxWait}.
   *
   * @throws ApplicationFailure (retryable) when the thread is interrupted while waiting
   */
  public void awaitTurn(String channel) {
    long waitNanos = reserve(channel.strip().replaceFirst("^#", ""));
    if (waitNanos <= 0) {
      return;
    }
    try {
      sleeper.sleep(Duration.ofNanos(waitNanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailureWithCause(
          "interrupted while waiting to post to " + channel, SlackErrors.UNAVAILABLE, e);
    }
  }

  /**
   * Takes the channel's next slot and returns the wait for it, or 0 (no slot) past {@code maxWait}.
   */
  private synchronized long reserve(String channel) {
    long now = nanoTime.getAsLong();
    if (nextSlot.size() >= CHANNELS_REMEMBERED) {
      nextSlot.values().removeIf(slot -> slot - now <= 0);
    }
    Long next = nextSlot.get(channel);
    long slot = next == null || next - now <= 0 ? now : next;
    if (slot - now > maxWaitNanos) {
      return 0;
    }
    nextSlot.put(channel, slot + intervalNanos);
    return slot - now;
  }
}
