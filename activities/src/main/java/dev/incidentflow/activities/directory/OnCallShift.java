package dev.incidentflow.activities.directory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One week of a rotation: who is on call from one handoff to the next.
 *
 * @param primary the handle whose week it is, or null when the rotation is empty
 * @param secondary the next different handle in the rotation, or null when there is none (an empty
 *     rotation or a rotation of one)
 */
public record OnCallShift(
    String schedule, Instant startsAt, Instant endsAt, String primary, String secondary) {

  public OnCallShift {
    requireNonNull(schedule, "schedule is null");
    requireNonNull(startsAt, "startsAt is null");
    requireNonNull(endsAt, "endsAt is null");
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException(
          "shift ends at " + endsAt + ", before it starts at " + startsAt);
    }
    if (primary == null && secondary != null) {
      throw new IllegalArgumentException("a shift without a primary has no secondary");
    }
  }
}
