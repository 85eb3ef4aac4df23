package dev.incidentflow.api.bench;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Measured durations, summarized the way the report prints them. Percentiles use the nearest-rank
 * method: p99 of 10,000 samples is the 9,900th smallest, an observed value, never an interpolation.
 * Samples may be negative (a timer that fired a millisecond early on a coarse clock) and are kept
 * as measured.
 */
public final class Latencies {
  private final long[] sortedNanos;

  private Latencies(long[] nanos) {
    this.sortedNanos = nanos.clone();
    Arrays.sort(this.sortedNanos);
  }

  public static Latencies ofNanos(long[] nanos) {
    return new Latencies(requireNonNull(nanos, "nanos is null"));
  }

  public static Latencies ofNanos(Collection<Long> nanos) {
    return new Latencies(
        requireNonNull(nanos, "nanos is null").stream().mapToLong(Long::longValue).toArray());
  }

  public int count() {
    return sortedNanos.length;
  }

  public boolean isEmpty() {
    return sortedNanos.length == 0;
  }

  /** The nearest-rank percentile in nanoseconds; {@code percent} in (0, 100]. */
  public long percentileNanos(double percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
    }
    if (isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(rank, 1) - 1];
  }

  public double p50Millis() {
    return percentileNanos(50) / 1e6;
  }

  public double p99Millis() {
    return percentileNanos(99) / 1e6;
  }

  public double maxMillis() {
    return percentileNanos(100) / 1e6;
  }

  /** {@code p50 3.1 ms, p99 41 ms, max 120 ms (n=10000)}, or {@code no samples}. */
  public String summary() {
    if (isEmpty()) {
      return "no samples";
    }
    return "p50 "
        + millis(p50Millis())
        + ", p99 "
        + millis(p99Millis())
        + ", max "
        + millis(maxMillis())
        + " (n="
        + count()
        + ")";
  }

  /**
   * A duration in milliseconds with about three significant digits: 0.412 ms, 3.71 ms, 41.2 ms,
   * 1204 ms.
   */
  public static String millis(double millis) {
    double magnitude = Math.abs(millis);
    String format =
        magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, format, millis) + " ms";
  }
}
