package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

/**
 * How often one person was paged over a range, against how long they were on call in it.
 *
 * @param person the handle paged, or on call
 * @param pages how many times an escalation step notified them in the range (one per step; a person
 *     named by two steps of one incident was paged twice)
 * @param onCallWeeks how many weeks of the range they were primary on call of a catalog schedule:
 *     one per whole shift, the overlapping share of a shift cut by the range's edges; shifts of two
 *     schedules count separately
 * @param pagesPerOnCallWeek {@code pages / onCallWeeks}; null when they were not on call at all in
 *     the range (a manager reached through {@code role:}, a person paged through {@code person:})
 */
public record PagerLoad(String person, long pages, double onCallWeeks, Double pagesPerOnCallWeek) {

  public PagerLoad {
    requireNonNull(person, "person is null");
    if (pages < 0 || onCallWeeks < 0) {
      throw new IllegalArgumentException("pages and onCallWeeks must not be negative");
    }
    if ((onCallWeeks == 0) != (pagesPerOnCallWeek == null)) {
      throw new IllegalArgumentException(
          "pagesPerOnCallWeek must be null exactly when onCallWeeks is 0");
    }
  }

  public static PagerLoad of(String person, long pages, double onCallWeeks) {
    return new PagerLoad(person, pages, onCallWeeks, onCallWeeks == 0 ? null : pages / onCallWeeks);
  }
}
