package dev.incidentflow.activities.directory;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A weekly on-call rotation. The handoff happens at {@code handoffTime} on {@code handoffDay} in
 * the schedule's own zone, so it stays at the same wall-clock time across daylight-saving changes
 * (a week is then 167 or 169 hours long, never a fixed 168).
 *
 * <p>Weeks are counted from {@code start}, the date of a handoff at which {@code rotation[0]} takes
 * over; week {@code n} belongs to {@code rotation[n mod size]}, for instants before {@code start}
 * too. A handoff time that falls into a spring-forward gap happens at the first valid instant after
 * it; one in a fall-back overlap happens at its earlier occurrence.
 *
 * @param start a date on {@code handoffDay}, or null for the handoff day on or before {@link
 *     #REFERENCE_DATE}, so that every process agrees on whose week it is
 */
public record OnCallSchedule(
    String name,
    ZoneId zone,
    DayOfWeek handoffDay,
    LocalTime handoffTime,
    LocalDate start,
    List<String> rotation) {

  /** Monday 2026-01-05: where rotations without a {@code start} begin counting weeks. */
  public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 5);

  public OnCallSchedule {
    requireNonNull(name, "name is null");
    requireNonNull(zone, "zone is null");
    requireNonNull(handoffDay, "handoffDay is null");
    requireNonNull(handoffTime, "handoffTime is null");
    start =
        start == null ? REFERENCE_DATE.with(TemporalAdjusters.previousOrSame(handoffDay)) : start;
    if (start.getDayOfWeek() != handoffDay) {
      throw new IllegalArgumentException(
          "start "
              + start
              + " is a "
              + start.getDayOfWeek()
              + ", not the handoff day "
              + handoffDay);
    }
    rotation = List.copyOf(requireNonNull(rotation, "rotation is null"));
    for (String handle : rotation) {
      if (handle.isBlank()) {
        throw new IllegalArgumentException("rotation of " + name + " has a blank handle");
      }
    }
  }

  /** The shift in force at {@code at}: the one that started at the last handoff at or before it. */
  public OnCallShift shiftAt(Instant at) {
    requireNonNull(at, "at is null");
    long week = weekAt(at);
    Instant startsAt = handoff(week);
    Instant endsAt = handoff(week + 1);
    if (rotation.isEmpty()) {
      return new OnCallShift(name, startsAt, endsAt, null, null);
    }
    String primary = inRotation(week);
    String secondary = null;
    for (int ahead = 1; ahead < rotation.size() && secondary == null; ahead++) {
      String next = inRotation(week + ahead);
      if (!next.equals(primary)) {
        secondary = next;
      }
    }
    return new OnCallShift(name, startsAt, endsAt, primary, secondary);
  }

  /**
   * Handle to the weeks of {@code [from, to)} that person is primary: a whole shift counts 1
   * however many hours daylight saving gives it, a shift cut by the range's edges the share of it
   * inside. Counted, not walked week by week, so a range of centuries costs what a month does.
   */
  public Map<String, Double> primaryWeeks(Instant from, Instant to) {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    Map<String, Double> weeks = new HashMap<>();
    if (rotation.isEmpty() || !from.isBefore(to)) {
      return weeks;
    }
    long first = weekAt(from);
    long last = weekAt(to);
    if (first == last) {
      weeks.merge(inRotation(first), share(first, from, to), Double::sum);
      return weeks;
    }
    weeks.merge(inRotation(first), share(first, from, handoff(first + 1)), Double::sum);
    if (to.isAfter(handoff(last))) {
      weeks.merge(inRotation(last), share(last, handoff(last), to), Double::sum);
    }
    long whole = last - first - 1;
    for (long offset = 0; offset < Math.min(whole, rotation.size()); offset++) {
      // Weeks first + 1 + offset, + size, + 2 * size, ... up to last - 1 belong to one person.
      double times = (whole - 1 - offset) / rotation.size() + 1;
      weeks.merge(inRotation(first + 1 + offset), times, Double::sum);
    }
    return weeks;
  }

  /** The share of week {@code week}'s shift that lies in {@code [from, to)}, both inside it. */
  private double share(long week, Instant from, Instant to) {
    return (double) Duration.between(from, to).toMillis()
        / Duration.between(handoff(week), handoff(week + 1)).toMillis();
  }

  /** When week {@code week}'s shift begins; week 0 begins at the handoff on {@code start}. */
  public Instant handoff(long week) {
    return ZonedDateTime.of(start.plusWeeks(week), handoffTime, zone).toInstant();
  }

  private long weekAt(Instant at) {
    LocalDate date = at.atZone(zone).toLocalDate();
    long week = Math.floorDiv(ChronoUnit.DAYS.between(start, date), 7);
    while (at.isBefore(handoff(week))) {
      week--;
    }
    while (!at.isBefore(handoff(week + 1))) {
      week++;
    }
    return week;
  }

  private String inRotation(long week) {
    return rotation.get((int) Math.floorMod(week, (long) rotation.size()));
  }
}
