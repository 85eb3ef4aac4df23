package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.SampleIncidents.START;
import static dev.incidentflow.activities.store.SampleIncidents.alert;
import static dev.incidentflow.activities.store.SampleIncidents.event;
import static dev.incidentflow.activities.store.SampleIncidents.triggered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.activities.TimelineAppend;
import dev.incidentflow.workflows.activities.TimelineEntry;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TimelineActivitiesImplTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  private IncidentStoreActivitiesImpl incidents;
  private TimelineActivitiesImpl timeline;
  private IncidentRepository repository;
  private long number;

  @BeforeEach
  void setUp() {
    incidents = new IncidentStoreActivitiesImpl(POSTGRES.jdbi());
    timeline =
        new TimelineActivitiesImpl(
            POSTGRES.jdbi(),
            service -> service.equals("checkout") ? List.of("payments-api") : List.of(),
            Duration.ofHours(2));
    repository = new IncidentRepository(POSTGRES.jdbi());
    NewIncident incident = alert("alert-group-1", "run-1");
    number = incidents.recordIncident(incident).number();
    incidents.saveIncident(
        triggered(
            number,
            incident,
            List.of(
                event(1, TimelineEventType.DECLARED, "system", "Declared"),
                event(2, TimelineEventType.RESOLVED, "alice", "Resolved"))));
  }

  @Test
  void appendedEventsAreNumberedAfterTheIncidentsOwnInARangeOfTheirOwn() {
    timeline.appendTimelineEvents(
        TimelineAppend.of(number, entry("postmortem-INC-1/scheduled", 180)));
    timeline.appendTimelineEvents(
        TimelineAppend.of(number, entry("postmortem-INC-1/overdue", 240)));

    assertThat(repository.timeline(number))
        .extracting(TimelineEvent::sequence)
        .containsExactly(1, 2, 1_000_000_000, 1_000_000_001);
  }

  @Test
  void incidentWorkflowKeepsNumberingItsOwnEventsAfterSomethingWasAppended() {
    timeline.appendTimelineEvents(TimelineAppend.of(number, entry("action-item-x/created", 90)));
    NewIncident incident = alert("alert-group-1", "run-1");

    incidents.saveIncident(
        triggered(
            number, incident, List.of(event(3, TimelineEventType.DECISION, "alice", "Roll back"))));

    assertThat(repository.timeline(number))
        .extracting(TimelineEvent::sequence, TimelineEvent::type)
        .containsExactly(
            tuple(1, TimelineEventType.DECLARED),
            tuple(1_000_000_000, TimelineEventType.ACTION_ITEM_CREATED),
            tuple(2, TimelineEventType.RESOLVED),
            tuple(3, TimelineEventType.DECISION));
  }

  @Test
  void incidentViewPutsAppendedEventsAmongTheIncidentsOwnByTime() {
    // At 90 s, between declared (60 s) and resolved (120 s); at 180 s, after them.
    timeline.appendTimelineEvents(TimelineAppend.of(number, entry("action-item-x/created", 90)));
    timeline.appendTimelineEvents(
        TimelineAppend.of(number, entry("postmortem-INC-1/scheduled", 180)));

    assertThat(repository.timeline(number))
        .extracting(TimelineEvent::type)
        .containsExactly(
            TimelineEventType.DECLARED,
            TimelineEventType.ACTION_ITEM_CREATED,
            TimelineEventType.RESOLVED,
            TimelineEventType.POSTMORTEM_SCHEDULED);
  }

  @Test
  void eventsAtTheSameInstantKeepTheOrderTheyWereRecordedIn() {
    // The incident workflow stamps every event of one workflow task with the same time; an event
    // appended at that instant too comes after the incident's own, and appended ones in turn.
    NewIncident incident = alert("alert-group-1", "run-1");
    TimelineEvent opened =
        new TimelineEvent(
            3,
            START.plusSeconds(300),
            TimelineEventType.CHANNEL_CREATED,
            "system",
            "Opened #inc-1",
            Map.of());
    TimelineEvent paged =
        new TimelineEvent(
            4, START.plusSeconds(300), TimelineEventType.PAGED, "system", "Paged alice", Map.of());
    timeline.appendTimelineEvents(
        TimelineAppend.of(number, entry("postmortem-INC-1/scheduled", 300)));
    timeline.appendTimelineEvents(TimelineAppend.of(number, entry("action-item-x/created", 300)));
    incidents.saveIncident(triggered(number, incident, List.of(paged, opened)));

    assertThat(repository.timeline(number))
        .extracting(TimelineEvent::type)
        .containsExactly(
            TimelineEventType.DECLARED,
            TimelineEventType.RESOLVED,
            TimelineEventType.CHANNEL_CREATED,
            TimelineEventType.PAGED,
            TimelineEventType.POSTMORTEM_SCHEDULED,
            TimelineEventType.ACTION_ITEM_CREATED);
    assertThat(timeline.readTimeline(new IncidentNumber(number)).events())
        .isEqualTo(repository.timeline(number));
  }

  @Test
  void appendingTheSameKeyAgainIsANoOp() {
    TimelineAppend append = TimelineAppend.of(number, entry("postmortem-INC-1/overdue", 240));

    timeline.appendTimelineEvents(append);
    timeline.appendTimelineEvents(append);

    assertThat(repository.timeline(number)).hasSize(3);
  }

  @Test
  void concurrentAppendsToOneIncidentAllLandWithDistinctNumbers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Callable<Void>> appends = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String key = "action-item-" + i + "/created";
      appends.add(
          () -> {
            timeline.appendTimelineEvents(TimelineAppend.of(number, entry(key, 300)));
            return null;
          });
    }
    for (Future<Void> done : pool.invokeAll(appends)) {
      done.get();
    }
    pool.shutdown();

    assertThat(repository.timeline(number))
        .hasSize(14)
        .extracting(TimelineEvent::sequence)
        .doesNotHaveDuplicates();
  }

  @Test
  void readTimelineInterleavesAppendedEventsByTime() {
    timeline.appendTimelineEvents(TimelineAppend.of(number, entry("action-item-x/created", 90)));

    assertThat(timeline.readTimeline(new IncidentNumber(number)).events())
        .extracting(TimelineEvent::type)
        .containsExactly(
            TimelineEventType.DECLARED,
            TimelineEventType.ACTION_ITEM_CREATED,
            TimelineEventType.RESOLVED);
  }

  @Test
  void readTimelineCarriesTheDeploysTheBriefingListsForThePostmortem() {
    DeployRepository deploys = new DeployRepository(POSTGRES.jdbi());
    RecordedDeploy own =
        deploys.record(
            new NewDeploy("checkout", "1.4.2", "9f2c1e7", null, START.minusSeconds(600), "bob"));
    RecordedDeploy dependency =
        deploys.record(
            new NewDeploy(
                "payments-api", "7.0.0", null, null, START.minus(Duration.ofHours(2)), null));
    deploys.record(
        new NewDeploy(
            "payments-api",
            "6.9.9",
            null,
            null,
            START.minus(Duration.ofHours(2)).minusSeconds(1),
            null));
    deploys.record(new NewDeploy("search", "3.1.0", null, null, START.minusSeconds(60), null));

    assertThat(timeline.readTimeline(new IncidentNumber(number)).deploys())
        .containsExactly(own.deploy(), dependency.deploy())
        .isEqualTo(
            new IncidentLibrary(POSTGRES.jdbi())
                .context(number, List.of("payments-api"), Duration.ofHours(2))
                .deploys());
  }

  @Test
  void readTimelineOfAnIncidentNotRecordedIsEmpty() {
    assertThat(timeline.readTimeline(new IncidentNumber(99)).events()).isEmpty();
    assertThat(timeline.readTimeline(new IncidentNumber(99)).deploys()).isEmpty();
  }

  @Test
  void appendingToAnIncidentThatDoesNotExistFailsToBeRetried() {
    assertThatThrownBy(
            () -> timeline.appendTimelineEvents(TimelineAppend.of(99, entry("x/created", 1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("INC-99");
  }

  private static TimelineEntry entry(String key, int seconds) {
    TimelineEventType type =
        key.endsWith("created")
            ? TimelineEventType.ACTION_ITEM_CREATED
            : key.endsWith("scheduled")
                ? TimelineEventType.POSTMORTEM_SCHEDULED
                : TimelineEventType.POSTMORTEM_OVERDUE;
    return new TimelineEntry(
        key, START.plus(Duration.ofSeconds(seconds)), type, "system", key, Map.of("k", "v"));
  }
}
