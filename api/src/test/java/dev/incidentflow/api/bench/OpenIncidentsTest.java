package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    return new ObjectMapper()
        .readTree("{\"triggeredAt\": \"" + triggeredAt + "\", \"timeline\": [" + timeline + "]}");
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
  }
}
