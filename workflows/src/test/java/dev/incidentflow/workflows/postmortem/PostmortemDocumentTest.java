package dev.incidentflow.workflows.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.activities.Deploy;
import dev.incidentflow.workflows.activities.IncidentTimeline;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostmortemDocumentTest {
  private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void phaseMissingFromTheIncidentIsShownAsNotRecordedAndTheNextCountsFromTheLastKnownTime() {
    IncidentTimes times =
        new IncidentTimes(
            T,
            T.plus(Duration.ofMinutes(3)),
            null,
            null,
            T.plus(Duration.ofMinutes(50)),
            T.plus(Duration.ofMinutes(80)));

    String description =
        PostmortemDocument.description(input(times), timeline(List.of(), List.of()));

    assertThat(description)
        .contains(
            "|Detection|triggered|acknowledged|3m|",
            "|Triage|acknowledged|identified|not recorded|",
            "|Remediation|acknowledged|mitigated|not recorded|",
            "|Verification|acknowledged|resolved|47m|");
    assertThat(description).contains("2026-03-02 10:00:00 UTC to 2026-03-02 10:50:00 UTC (50m)");
  }

  @Test
  void timelineTextCannotBreakTheTableOrOpenMarkup() {
    IncidentTimes times = new IncidentTimes(T, null, null, null, T.plusSeconds(60), null);
    TimelineEvent event =
        new TimelineEvent(
            1,
            T,
            TimelineEventType.STATUS_UPDATE,
            "bob",
            "rolled back {code} [link] *now* |x| ^up^ ~down~ +in+ -- -out-\nsecond line",
            Map.of());

    String description =
        PostmortemDocument.description(input(times), timeline(List.of(event), List.of()));

    assertThat(description)
        .contains(
            "|2026-03-02 10:00:00 UTC|bob|status_update|rolled back \\{code\\} \\[link\\]"
                + " \\*now\\* \\|x\\| \\^up\\^ \\~down\\~ \\+in\\+ \\-\\- \\-out\\- second line|");
  }

  @Test
  void deploysBeforeTheIncidentAreListedNewestFirstWithBlankCellsForWhatIsUnknown() {
    IncidentTimes times = new IncidentTimes(T, null, null, null, T.plusSeconds(60), null);
    Deploy checkout =
        new Deploy(
            2,
            "checkout",
            "1.4.2",
            "9f2c1e7",
            "https://ci.example.com/runs/812",
            T.minus(Duration.ofMinutes(30)),
            "alice");
    Deploy payments =
        new Deploy(1, "payments-api", "7.0.0", null, null, T.minus(Duration.ofMinutes(110)), null);

    String description =
        PostmortemDocument.description(
            input(times), timeline(List.of(), List.of(checkout, payments)));

    assertThat(description)
        .contains(
            "h2. Deploys before the incident\n"
                + "To the service and the services it depends on, newest first.\n"
                + "||Deployed (UTC)||Service||Version||Commit||Author||Link||\n"
                + "|2026-03-02 09:30:00 UTC|checkout|1.4.2|9f2c1e7|alice|https://ci.example.com/runs/812|\n"
                + "|2026-03-02 08:10:00 UTC|payments-api|7.0.0| | | |\n");
  }

  @Test
  void withoutDeploysThePostmortemSaysNoneWereRecorded() {
    IncidentTimes times = new IncidentTimes(T, null, null, null, T.plusSeconds(60), null);

    String description =
        PostmortemDocument.description(input(times), timeline(List.of(), List.of()));

    assertThat(description)
        .contains(
            "h2. Deploys before the incident\n"
                + "None recorded to the service or the services it depends on.\n");
  }

  @Test
  void fiveWhysTemplateHasFiveEmptyAnswersAndSaysItIsBlameless() {
    IncidentTimes times = new IncidentTimes(T, null, null, null, T.plusSeconds(60), null);

    String description =
        PostmortemDocument.description(input(times), timeline(List.of(), List.of()));

    assertThat(description).contains("Blameless");
    assertThat(description.split("#\\* Answer: \n", -1)).hasSize(6);
  }

  @Test
  void aTimelineTooLongForJiraKeepsItsDecisionsAndEarliestEventsAndSaysHowManyAreLeftOut() {
    IncidentTimes times = new IncidentTimes(T, null, null, null, T.plusSeconds(60), null);
    List<TimelineEvent> events = new java.util.ArrayList<>();
    for (int i = 1; i <= 1_000; i++) {
      events.add(
          new TimelineEvent(
              i,
              T.plusSeconds(i),
              i == 900 ? TimelineEventType.DECISION : TimelineEventType.STATUS_UPDATE,
              "bob",
              (i == 900 ? "Roll back" : "Note " + i) + ": " + "x".repeat(80),
              Map.of()));
    }

    String description = PostmortemDocument.description(input(times), timeline(events, List.of()));

    assertThat(description.length()).isLessThanOrEqualTo(PostmortemDocument.LONGEST);
    assertThat(description)
        .contains("|status_update|Note 1: ", "|*DECISION*|*Roll back: ")
        .doesNotContain("Note 1000: ")
        .contains("#* Answer: ", "h2. Action items");
    int kept = description.split("\\|status_update\\|Note ", -1).length - 1;
    assertThat(description)
        .contains(
            "_"
                + (999 - kept)
                + " events are left out here, to keep within Jira's limit; GET /v1/incidents/INC-7"
                + " has them all._");
    // A timeline that fits is whole, with no such note.
    assertThat(
            PostmortemDocument.description(
                input(times), timeline(events.subList(0, 100), List.of())))
        .contains("Note 100: ")
        .doesNotContain("left out");
  }

  @Test
  void fiftyDeploysWithLongLinksAndALongTimelineStayWithinJirasLimit() {
    IncidentTimes times = new IncidentTimes(T, null, null, null, T.plusSeconds(60), null);
    List<Deploy> deploys = new java.util.ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      deploys.add(
          new Deploy(
              i,
              "checkout",
              "v" + i,
              "c" + i,
              "https://ci.example.com/runs/" + i + "?" + "q".repeat(1_900),
              T.minus(Duration.ofMinutes(i)),
              "alice"));
    }
    List<TimelineEvent> events = new java.util.ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      events.add(
          new TimelineEvent(
              i, T.plusSeconds(i), TimelineEventType.STATUS_UPDATE, "bob", "Note " + i, Map.of()));
    }

    String description = PostmortemDocument.description(input(times), timeline(events, deploys));

    assertThat(description.length()).isLessThanOrEqualTo(PostmortemDocument.LONGEST);
    int listed = description.split("\\|checkout\\|v", -1).length - 1;
    assertThat(listed).isGreaterThan(1).isLessThan(50);
    assertThat(description)
        .contains("|checkout|v1|c1|", "|Note 1|")
        .contains(
            "_"
                + (50 - listed)
                + " older deploys are left out here, to keep within Jira's limit; GET"
                + " /v1/incidents/INC-7 lists them._")
        .contains("#* Answer: ", "h2. Action items");
  }

  @Test
  void idempotencyLabelIsMadeFromTheIncidentsFirstRun() {
    IncidentTimes times = new IncidentTimes(T, null, null, null, T.plusSeconds(60), null);

    assertThat(PostmortemDocument.idempotencyLabel(input(times)))
        .isEqualTo("incidentflow-postmortem-3f1c9a52-run");
  }

  private static IncidentTimeline timeline(List<TimelineEvent> events, List<Deploy> deploys) {
    return new IncidentTimeline(7, events, deploys);
  }

  private static PostmortemInput input(IncidentTimes times) {
    return new PostmortemInput(
        7,
        "3F1C9A52-run",
        "Checkout down",
        Severity.SEV2,
        "checkout",
        null,
        null,
        null,
        times,
        Duration.ofHours(48),
        Duration.ofHours(4),
        Duration.ofHours(6),
        null,
        null);
  }
}
