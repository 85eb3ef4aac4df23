package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenIncidentsTest {
  private static final Instant AT = Instant.parse("2026-12-04T15:00:00Z");

  private static FakePagerDuty.Arrival trigger(String dedupKey, String summary, long nanos) {
    return new FakePagerDuty.Arrival(dedupKey, "trigger", summary, nanos, AT);
  }

  @Test
  void eachDeliveryIsTimedToTheFirstPageOfItsOwnGroup() {
    List<FakePagerDuty.Arrival> arrivals =
        List.of(
            // group 10 pages before group 1; the marker's closing bracket keeps them apart
            trigger("incidentflow-INC-7-step-0", "INC-7: [bench:r1:open:10] benchmark", 5_000),
            trigger("incidentflow-INC-6-step-0", "INC-6: [bench:r1:open:1] benchmark", 9_000),
            // an escalation page and a repeated first page do not count
            trigger("incidentflow-INC-6-step-1", "INC-6: [bench:r1:open:1] benchmark", 1_000),
            trigger("incidentflow-INC-6-step-0", "INC-6: [bench:r1:open:1] benchmark", 20_000),
            // another phase's page with the same group number
            trigger("incidentflow-INC-2-step-0", "INC-2: [bench:r1:storm:0] benchmark", 3_000));
    long[] answered = new long[11];
    answered[1] = 4_000;
    answered[10] = 1_500;

    AlertPayloads payloads = new AlertPayloads("r1");

    List<Long> latencies =
        OpenIncidents.alertToFirstPage(
            Pages.triggersByKey(arrivals, payloads.phasePrefix("open")),
            summary -> payloads.groupIn(summary, "open"),
            answered);

    // group 0 never paged: no sample rather than a made-up one
    assertThat(latencies).containsExactly(5_000L, 3_500L);
  }

  @Test
  void aPageSummaryNamesItsGroupOnlyThroughThisRunsMarkerOfThePhase() {
    AlertPayloads payloads = new AlertPayloads("r1");
    String summary = "INC-3: " + payloads.marker("open", 12) + " benchmark open group 12";

    assertThat(payloads.groupIn(summary, "open")).hasValue(12);
    assertThat(payloads.groupIn(summary, "storm")).isEmpty();
    assertThat(new AlertPayloads("r2").groupIn(summary, "open")).isEmpty();
    assertThat(payloads.groupIn("INC-3: [bench:r1:open:x] benchmark", "open")).isEmpty();
  }

  private static JsonNode incident(String triggeredAt, String timeline) throws Exception {
    return incident("", triggeredAt, timeline);
  }

  private static JsonNode incident(String id, String triggeredAt, String timeline)
      throws Exception {
    return new ObjectMapper()
        .readTree(
            "{\"id\": \""
                + id
                + "\", \"triggeredAt\": \""
                + triggeredAt
                + "\", \"timeline\": ["
                + timeline
                + "]}");
  }

  @Test
  void timersNotFiredAtReadBackAreCountedAtTheirLatenessSoFarAndByIncident() throws Exception {
    BenchPolicy policy =
        new BenchPolicy(
            Duration.ofSeconds(20), List.of(Duration.ofSeconds(10), Duration.ofSeconds(20)));
    List<JsonNode> incidents =
        List.of(
            // step 1 fired on time; step 2 and the first notice had not when read back
            incident(
                "2026-12-04T15:00:00Z",
                """
                {"type": "escalated", "at": "2026-12-04T15:00:10Z", "data": {"level": 1}}
                """),
            // every timer due by the window's end fired, step 1 a second late
            incident(
                "2026-12-04T15:00:00Z",
                """
                {"type": "escalated", "at": "2026-12-04T15:00:11Z", "data": {"level": 1}},
                {"type": "escalated", "at": "2026-12-04T15:00:20Z", "data": {"level": 2}},
                {"type": "update_overdue", "at": "2026-12-04T15:00:20Z", "data": {"notice": 1}}
                """),
            // only the first notice had not fired
            incident(
                "2026-12-04T15:00:00Z",
                """
                {"type": "escalated", "at": "2026-12-04T15:00:10Z", "data": {"level": 1}},
                {"type": "escalated", "at": "2026-12-04T15:00:20Z", "data": {"level": 2}}
                """));

    OpenIncidents.Lateness lateness =
        OpenIncidents.timelineLateness(
            incidents, policy, AT.plusSeconds(5), AT.plusSeconds(30), AT.plusSeconds(50));

    assertThat(lateness.missing()).isEqualTo(3);
    assertThat(lateness.incidentsMissing()).isEqualTo(2);
    long second = Duration.ofSeconds(1).toNanos();
    assertThat(lateness.steps()).containsExactlyInAnyOrder(0L, 30 * second, second, 0L, 0L, 0L);
    assertThat(lateness.notices()).containsExactlyInAnyOrder(30 * second, 0L, 30 * second);
    assertThat(lateness.rows())
        .hasSize(9)
        .filteredOn(row -> row.fired().isEmpty())
        .extracting(OpenIncidents.TimerRow::timer, OpenIncidents.TimerRow::latenessNanos)
        .containsExactlyInAnyOrder(
            tuple("escalation step 2", 30 * second),
            tuple("update overdue notice 1", 30 * second),
            tuple("update overdue notice 1", 30 * second));
  }

  @Test
  void eachOverdueNoticeIsTimedToItsIncidentsPostOfTheSameRankOrToTheReadBack() throws Exception {
    BenchPolicy policy = new BenchPolicy(Duration.ofSeconds(20), List.of(Duration.ofSeconds(10)));
    List<JsonNode> incidents =
        List.of(
            incident("INC-7", "2026-12-04T15:00:00Z", ""),
            incident("INC-8", "2026-12-04T15:00:05Z", ""));
    // INC-7's two notices (due 20 s and 40 s after it started) posted 1 s and 4 s late, and its
    // third, due after the window, too; INC-8's first (due at 25 s) 2 s late and its second (due
    // at 45 s) not posted by the read-back; a post of an incident outside the phase changes
    // nothing.
    Map<Long, List<Instant>> posts =
        Map.of(
            7L, List.of(AT.plusSeconds(21), AT.plusSeconds(44), AT.plusSeconds(55)),
            8L, List.of(AT.plusSeconds(27)),
            9L, List.of(AT.plusSeconds(20)));

    OpenIncidents.NoticePosts lateness =
        OpenIncidents.noticePostLateness(
            incidents, policy, posts, AT.plusSeconds(50), AT.plusSeconds(60));

    long second = Duration.ofSeconds(1).toNanos();
    assertThat(lateness.lateness()).containsExactly(second, 4 * second, 2 * second, 15 * second);
    assertThat(lateness.unposted()).isEqualTo(1);
  }

  @Test
  void activityWaitsAreSummedUpPerTypeInTheMapsOrder() {
    long millis = Duration.ofMillis(1).toNanos();
    Map<String, List<Long>> waits = new TreeMap<>();
    waits.put("SendInOrder", List.of(9_632 * millis));
    waits.put("OpenChannel", List.of(41 * millis, 3 * millis));

    assertThat(OpenIncidents.p99ByType(waits))
        .isEqualTo("OpenChannel p99 41.0 ms (n=2); SendInOrder p99 9632 ms (n=1)");
    assertThat(OpenIncidents.p99ByType(Map.of())).isEqualTo("none");
  }

  @Test
  void theWorstSecondIsTheOneWhoseLeastLateTimerWasLatest() {
    List<OpenIncidents.TimerRow> rows = new ArrayList<>();
    // 15:00:01: a backlog served newest first, most timers very late but one on time
    for (int i = 0; i < 5; i++) {
      rows.add(row(i, "2026-12-04T15:00:01.100Z", i == 2 ? 3 : 40_000));
    }
    // 15:00:02: a stall, every timer about 3 s late
    for (int i = 0; i < 6; i++) {
      rows.add(row(10 + i, "2026-12-04T15:00:02." + (100 + i * 100) + "Z", 3_000 + i));
    }
    // 15:00:03: later still, but too few timers to say anything about the second
    for (int i = 0; i < 4; i++) {
      rows.add(row(20 + i, "2026-12-04T15:00:03Z", 60_000));
    }

    assertThat(OpenIncidents.worstSecond(rows))
        .hasValue(
            new OpenIncidents.WorstSecond(
                Instant.parse("2026-12-04T15:00:02Z"), Duration.ofMillis(3_000).toNanos(), 6));
    assertThat(OpenIncidents.worstSecond(rows.subList(11, 15))).isEmpty();
    // a fifth timer in 15:00:03 is enough to count it
    rows.add(row(24, "2026-12-04T15:00:03.500Z", 60_000));
    assertThat(OpenIncidents.worstSecond(rows))
        .hasValue(
            new OpenIncidents.WorstSecond(
                Instant.parse("2026-12-04T15:00:03Z"), Duration.ofMillis(60_000).toNanos(), 5));
  }

  @Test
  void theTimerLogHasOneRowPerTimerAndLeavesAnUnfiredTimersFiringEmpty(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("timers.csv");
    Instant due = Instant.parse("2026-12-04T15:00:10Z");

    OpenIncidents.writeTimerLog(
        file,
        List.of(
            new OpenIncidents.TimerRow(
                7,
                "escalation step 1",
                due,
                Optional.of(due.plusMillis(1_250)),
                Duration.ofMillis(1_250).toNanos()),
            new OpenIncidents.TimerRow(
                8,
                "update overdue notice 1",
                due,
                Optional.empty(),
                Duration.ofSeconds(30).toNanos())));

    assertThat(Files.readAllLines(file))
        .containsExactly(
            "incident,timer,due,fired,lateness_ms",
            "INC-7,escalation step 1,2026-12-04T15:00:10Z,2026-12-04T15:00:11.250Z,1250",
            "INC-8,update overdue notice 1,2026-12-04T15:00:10Z,,30000");
  }

  private static OpenIncidents.TimerRow row(long incident, String due, long lateMillis) {
    Instant at = Instant.parse(due);
    return new OpenIncidents.TimerRow(
        incident,
        "escalation step 1",
        at,
        Optional.of(at.plusMillis(lateMillis)),
        Duration.ofMillis(lateMillis).toNanos());
  }
}
