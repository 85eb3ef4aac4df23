package dev.incidentflow.activities.store;

/**
 * A share of incidents (or of their postmortems or action items).
 *
 * @param n how many incidents (postmortems, action items) the rate rests on
 * @param count how many of them have the property
 * @param rate {@code count / n}, null when {@code n} is 0 (no data, not a rate of zero)
 */
public record RateFigure(long n, long count, Double rate) {

  public RateFigure {
    if (n < 0 || count < 0 || count > n) {
      throw new IllegalArgumentException("need 0 <= count <= n, was count " + count + " of " + n);
    }
    if ((n == 0) != (rate == null)) {
      throw new IllegalArgumentException("rate must be null exactly when n is 0");
    }
  }

  public static RateFigure of(long count, long n) {
    return new RateFigure(n, count, n == 0 ? null : (double) count / n);
  }

  /** A figure over nothing: no incidents, or none with a postmortem or action item counted yet. */
  public static RateFigure noData() {
    return new RateFigure(0, 0, null);
  }
}
