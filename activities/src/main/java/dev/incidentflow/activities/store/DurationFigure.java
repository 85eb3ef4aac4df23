package dev.incidentflow.activities.store;

/**
 * A duration summarized over the incidents that have both of its ends, in seconds.
 *
 * @param n how many incidents the figure rests on; the others miss one of the two timestamps
 * @param meanSeconds the arithmetic mean, null when {@code n} is 0
 * @param medianSeconds PostgreSQL's {@code percentile_cont(0.5)}: interpolated between the two
 *     middle values when {@code n} is even
 * @param p95Seconds {@code percentile_cont(0.95)}: interpolated at rank {@code 0.95 * (n - 1)}
 */
public record DurationFigure(long n, Double meanSeconds, Double medianSeconds, Double p95Seconds) {

  public DurationFigure {
    if (n < 0) {
      throw new IllegalArgumentException("n is negative: " + n);
    }
    boolean empty = meanSeconds == null || medianSeconds == null || p95Seconds == null;
    if ((n == 0) != empty) {
      throw new IllegalArgumentException(
          "a figure over " + n + " incidents must have " + (n == 0 ? "no" : "all") + " values");
    }
  }

  public static DurationFigure none() {
    return new DurationFigure(0, null, null, null);
  }
}
