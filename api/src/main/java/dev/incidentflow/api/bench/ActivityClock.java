package dev.incidentflow.api.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the fakes last heard from the application. The benchmark waits for a quiet spell before it
 * counts, so that work still draining from one phase (Slack posts for redelivered alerts) neither
 * disturbs the next phase's timings nor hides a late duplicate page.
 */
public final class ActivityClock {
  private final AtomicLong lastNanos = new AtomicLong(System.nanoTime());
  private final AtomicLong requests = new AtomicLong();

  void touch(long nanos) {
    lastNanos.accumulateAndGet(nanos, Math::max);
    requests.incrementAndGet();
  }

  /** How many requests the fakes have answered. */
  public long requests() {
    return requests.get();
  }

  /**
   * Waits until no request has arrived for {@code quiet}, or {@code timeout} passes.
   *
   * @return whether the quiet spell came
   */
  public boolean awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long now = System.nanoTime();
      long silentFor = now - lastNanos.get();
      if (silentFor >= quiet.toNanos()) {
        return true;
      }
      if (now >= deadline) {
        return false;
      }
      Thread.sleep(
          Math.max(1, Math.min(quiet.toNanos() - silentFor, deadline - now) / 1_000_000 + 1));
    }
  }
}
