package dev.incidentflow.workflows.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The status-update cadence of an active incident: an update is due {@code every} after the last
 * one (or the start). Each period that passes without one is an overdue notice; the second one also
 * notifies the communications lead or the engineering manager.
 *
 * @param every the cadence, or null when the severity wants updates at open and resolve only
 * @param lastUpdateAt the last status update, or the incident's start, or its reopening
 * @param overdueNotices how many periods have passed without an update since {@code lastUpdateAt}
 */
public record StatusCadence(Duration every, Instant lastUpdateAt, int overdueNotices) {

  /** The notice after which the communications lead (or engineering manager) is told. */
  public static final int ESCALATING_NOTICE = 2;

  public StatusCadence {
    requireNonNull(lastUpdateAt, "lastUpdateAt is null");
    if (overdueNotices < 0) {
      throw new IllegalArgumentException("overdueNotices must not be negative");
    }
  }

  /** The time the next update is due, as shown to people; empty without a cadence. */
  public Optional<Instant> nextUpdateDue() {
    return every == null ? Optional.empty() : Optional.of(lastUpdateAt.plus(every));
  }

  /** When the next overdue notice is due; empty without a cadence. */
  public Optional<Instant> nextNoticeAt() {
    return every == null
        ? Optional.empty()
        : Optional.of(lastUpdateAt.plus(every.multipliedBy(overdueNotices + 1L)));
  }

  public boolean isNoticeDue(Instant now) {
    return nextNoticeAt().map(at -> !at.isAfter(now)).orElse(false);
  }

  /** The cadence after another overdue notice. */
  public StatusCadence noticed() {
    return new StatusCadence(every, lastUpdateAt, overdueNotices + 1);
  }

  /** The cadence after an update (or a reopening) at {@code at}: starts over. */
  public StatusCadence restartedAt(Instant at) {
    return new StatusCadence(every, at, 0);
  }

  /**
   * The cadence under a new severity's {@code every}, counted from the same last update, every
   * period of it already passed counting as noticed (before {@code
   * IncidentWorkflowImpl#SEVERITY_KEEPS_NOTICES}).
   */
  public StatusCadence withEvery(Duration newEvery) {
    return new StatusCadence(newEvery, lastUpdateAt, 0);
  }

  /**
   * The cadence under a new severity's {@code every}, counted from the same last update: of the
   * periods of it that passed by {@code now}, the last is noticed at once and the ones before it
   * not at all, so the change brings one notice at most, not one for every period it missed.
   */
  public StatusCadence withEvery(Duration newEvery, Instant now) {
    if (newEvery == null) {
      return new StatusCadence(null, lastUpdateAt, 0);
    }
    long passed =
        now.isAfter(lastUpdateAt) ? Duration.between(lastUpdateAt, now).dividedBy(newEvery) : 0;
    return new StatusCadence(newEvery, lastUpdateAt, (int) Math.max(0, passed - 1));
  }
}
