package dev.incidentflow.activities.directory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many weeks of a range each person was primary on call, from the rotations as the catalog has
 * them now (like grouping incidents by team, a rotation edited since is not replayed).
 */
public final class OnCallWeeks {

  private OnCallWeeks() {}

  /**
   * Person handle to the weeks of {@code [from, to)} they were primary of one of {@code schedules}
   * (see {@link OnCallSchedule#primaryWeeks}). A person on two rotations in the same week has two
   * on-call weeks: they carry two pagers. Nobody who was never on call is in the map.
   */
  public static Map<String, Double> between(
      Collection<OnCallSchedule> schedules, Instant from, Instant to) {
    requireNonNull(schedules, "schedules is null");
    Map<String, Double> weeks = new HashMap<>();
    for (OnCallSchedule schedule : schedules) {
      schedule
          .primaryWeeks(from, to)
          .forEach((person, count) -> weeks.merge(person, count, Double::sum));
    }
    return weeks;
  }
}
