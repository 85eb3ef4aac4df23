package dev.incidentflow.activities.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who is on call at an instant, for the shipped payments rotation: Europe/Berlin, handoff Monday
 * 09:00, alice from Monday 2026-01-05, then bob, then carol, then alice again.
 */
class OnCallScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final OnCallSchedule payments =
      new OnCallSchedule(
          "payments-oncall",
          BERLIN,
          DayOfWeek.MONDAY,
          LocalTime.of(9, 0),
          LocalDate.of(2026, 1, 5),
          List.of("alice", "bob", "carol"));

  @Test
  void primaryHandsOverAtNineOclockBerlinTimeOnMonday() {
    OnCallShift before = payments.shiftAt(berlin("2026-01-12T08:59:59"));
    OnCallShift after = payments.shiftAt(berlin("2026-01-12T09:00"));

    assertThat(before.primary()).isEqualTo("alice");
    assertThat(before.secondary()).isEqualTo("bob");
    assertThat(after.primary()).isEqualTo("bob");
    assertThat(after.secondary()).isEqualTo("carol");
    assertThat(after.startsAt()).isEqualTo(Instant.parse("2026-01-12T08:00:00Z"));
    assertThat(after.endsAt()).isEqualTo(Instant.parse("2026-01-19T08:00:00Z"));
  }

  @Test
  void secondaryIsTheNextPersonAndWrapsAroundTheRotation() {
    OnCallShift carolsWeek = payments.shiftAt(berlin("2026-01-21T15:00"));

    assertThat(carolsWeek.primary()).isEqualTo("carol");
    assertThat(carolsWeek.secondary()).isEqualTo("alice");
  }

  @Test
  void rotationStartsOverAfterTheLastPerson() {
    assertThat(payments.shiftAt(berlin("2026-01-26T09:00")).primary()).isEqualTo("alice");
    assertThat(payments.shiftAt(berlin("2026-02-02T09:00")).primary()).isEqualTo("bob");
  }

  @Test
  void handoffStaysAtNineLocalAcrossSpringForward() {
    // Clocks go from 02:00 CET to 03:00 CEST on Sunday 2026-03-29; Monday's 09:00 is 07:00 UTC.
    OnCallShift lastWinterMinute = payments.shiftAt(Instant.parse("2026-03-30T06:59:59Z"));
    OnCallShift firstSummerShift = payments.shiftAt(Instant.parse("2026-03-30T07:00:00Z"));

    assertThat(lastWinterMinute.primary()).isEqualTo("carol");
    assertThat(firstSummerShift.primary()).isEqualTo("alice");
    assertThat(firstSummerShift.startsAt()).isEqualTo(berlin("2026-03-30T09:00"));
    assertThat(Duration.between(lastWinterMinute.startsAt(), lastWinterMinute.endsAt()))
        .isEqualTo(Duration.ofHours(167));
  }

  @Test
  void handoffStaysAtNineLocalAcrossFallBack() {
    // Clocks go from 03:00 CEST back to 02:00 CET on Sunday 2026-10-25; Monday's 09:00 is 08:00
    // UTC.
    OnCallShift anHourAfterLastWeeksHandoffTime =
        payments.shiftAt(Instant.parse("2026-10-26T07:30:00Z"));
    OnCallShift atNineLocal = payments.shiftAt(Instant.parse("2026-10-26T08:00:00Z"));

    assertThat(anHourAfterLastWeeksHandoffTime.primary()).isEqualTo("carol");
    assertThat(atNineLocal.primary()).isEqualTo("alice");
    assertThat(atNineLocal.secondary()).isEqualTo("bob");
    assertThat(
            Duration.between(
                anHourAfterLastWeeksHandoffTime.startsAt(),
                anHourAfterLastWeeksHandoffTime.endsAt()))
        .isEqualTo(Duration.ofHours(169));
  }

  @Test
  void handoffsStayAtNineLocalForYears() {
    for (int week = -60; week <= 160; week++) {
      assertThat(payments.handoff(week).atZone(BERLIN).toLocalDateTime())
          .isEqualTo(
              LocalDateTime.of(LocalDate.of(2026, 1, 5).plusWeeks(week), LocalTime.of(9, 0)));
    }
  }

  @Test
  void instantsBeforeTheStartCountBackwards() {
    OnCallShift weekBeforeStart = payments.shiftAt(berlin("2026-01-05T08:59"));

    assertThat(weekBeforeStart.primary()).isEqualTo("carol");
    assertThat(weekBeforeStart.secondary()).isEqualTo("alice");
    assertThat(payments.shiftAt(berlin("2025-12-22T09:00")).primary()).isEqualTo("bob");
  }

  @Test
  void withoutStartWeeksCountFromTheHandoffOnOrBeforeTheFifthOfJanuary2026() {
    OnCallSchedule wednesdays =
        new OnCallSchedule(
            "wednesdays",
            BERLIN,
            DayOfWeek.WEDNESDAY,
            LocalTime.of(10, 0),
            null,
            List.of("a", "b"));

    assertThat(wednesdays.start()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(wednesdays.shiftAt(berlin("2025-12-31T10:00")).primary()).isEqualTo("a");
    assertThat(wednesdays.shiftAt(berlin("2026-01-07T09:59")).primary()).isEqualTo("a");
    assertThat(wednesdays.shiftAt(berlin("2026-01-07T10:00")).primary()).isEqualTo("b");
  }

  @Test
  void startThatIsNotAHandoffDayIsRefused() {
    assertThatThrownBy(
            () ->
                new OnCallSchedule(
                    "x",
                    BERLIN,
                    DayOfWeek.MONDAY,
                    LocalTime.NOON,
                    LocalDate.of(2026, 1, 6),
                    List.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("start 2026-01-06 is a TUESDAY, not the handoff day MONDAY");
  }

  @Test
  void emptyRotationHasNobodyOnCall() {
    OnCallSchedule vacant =
        new OnCallSchedule("vacant", BERLIN, DayOfWeek.MONDAY, LocalTime.of(9, 0), null, List.of());

    OnCallShift shift = vacant.shiftAt(berlin("2026-03-04T12:00"));

    assertThat(shift.primary()).isNull();
    assertThat(shift.secondary()).isNull();
    assertThat(shift.startsAt()).isEqualTo(berlin("2026-03-02T09:00"));
  }

  @Test
  void rotationOfOneHasNoSecondary() {
    OnCallSchedule solo =
        new OnCallSchedule(
            "solo", BERLIN, DayOfWeek.MONDAY, LocalTime.of(9, 0), null, List.of("a"));

    OnCallShift shift = solo.shiftAt(berlin("2026-03-04T12:00"));

    assertThat(shift.primary()).isEqualTo("a");
    assertThat(shift.secondary()).isNull();
  }

  @Test
  void secondarySkipsThePrimaryWhenTheyAreNextInRotationAgain() {
    OnCallSchedule doubled =
        new OnCallSchedule(
            "doubled",
            BERLIN,
            DayOfWeek.MONDAY,
            LocalTime.of(9, 0),
            null,
            List.of("alice", "alice", "bob"));

    OnCallShift shift = doubled.shiftAt(berlin("2026-01-05T09:00"));

    assertThat(shift.primary()).isEqualTo("alice");
    assertThat(shift.secondary()).isEqualTo("bob");
  }

  @Test
  void handoffInsideTheSpringForwardGapHappensAtTheFirstValidInstantAfterIt() {
    // 02:30 does not exist in Berlin on 2026-03-29: clocks jump from 02:00 to 03:00.
    OnCallSchedule sundayNights =
        new OnCallSchedule(
            "sunday-nights",
            BERLIN,
            DayOfWeek.SUNDAY,
            LocalTime.of(2, 30),
            LocalDate.of(2026, 3, 22),
            List.of("a", "b"));

    assertThat(sundayNights.handoff(1)).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(sundayNights.shiftAt(Instant.parse("2026-03-29T01:29:59Z")).primary())
        .isEqualTo("a");
    assertThat(sundayNights.shiftAt(Instant.parse("2026-03-29T01:30:00Z")).primary())
        .isEqualTo("b");
  }

  @Test
  void handoffInsideTheFallBackOverlapHappensAtItsFirstOccurrence() {
    // 02:30 happens twice in Berlin on 2026-10-25: first at 00:30 UTC (CEST), then at 01:30 UTC.
    OnCallSchedule sundayNights =
        new OnCallSchedule(
            "sunday-nights",
            BERLIN,
            DayOfWeek.SUNDAY,
            LocalTime.of(2, 30),
            LocalDate.of(2026, 10, 18),
            List.of("a", "b"));

    assertThat(sundayNights.handoff(1)).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    assertThat(sundayNights.shiftAt(Instant.parse("2026-10-25T01:45:00Z")).primary())
        .isEqualTo("b");
  }

  @Test
  void primaryWeeksOfFourWholeShiftsGoRoundTheRotation() {
    assertThat(payments.primaryWeeks(berlin("2026-01-05T09:00"), berlin("2026-02-02T09:00")))
        .isEqualTo(Map.of("alice", 2.0, "bob", 1.0, "carol", 1.0));
  }

  @Test
  void primaryWeeksCountTheShareOfAShiftCutByTheRange() {
    // Thursday 09:00 to alice's handoff: 4 of 7 days; bob's Monday 09:00 to Wednesday 09:00: 2.
    assertThat(payments.primaryWeeks(berlin("2026-01-08T09:00"), berlin("2026-01-14T09:00")))
        .isEqualTo(Map.of("alice", 4.0 / 7, "bob", 2.0 / 7));
    assertThat(payments.primaryWeeks(berlin("2026-01-06T09:00"), berlin("2026-01-07T09:00")))
        .isEqualTo(Map.of("alice", 1.0 / 7));
  }

  @Test
  void aShiftShortenedBySpringForwardIsStillOneWeek() {
    // Carol's week from 2026-03-23 is 167 hours long: the clocks go forward on the 29th.
    assertThat(payments.primaryWeeks(berlin("2026-03-23T09:00"), berlin("2026-03-30T09:00")))
        .isEqualTo(Map.of("carol", 1.0));
  }

  @Test
  void primaryWeeksOverCenturiesAreCountedNotWalked() {
    assertThat(payments.primaryWeeks(payments.handoff(-30_000), payments.handoff(30_000)))
        .isEqualTo(Map.of("alice", 20_000.0, "bob", 20_000.0, "carol", 20_000.0));
  }

  @Test
  void anEmptyRotationHasNoPrimaryWeeks() {
    OnCallSchedule empty =
        new OnCallSchedule("nobody", BERLIN, DayOfWeek.MONDAY, LocalTime.of(9, 0), null, List.of());

    assertThat(empty.primaryWeeks(berlin("2026-01-05T09:00"), berlin("2026-02-02T09:00")))
        .isEmpty();
  }

  private static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }
}
