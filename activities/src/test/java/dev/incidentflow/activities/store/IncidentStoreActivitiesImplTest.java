package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.SampleIncidents.START;
import static dev.incidentflow.activities.store.SampleIncidents.alert;
import static dev.incidentflow.activities.store.SampleIncidents.event;
import static dev.incidentflow.activities.store.SampleIncidents.triggered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IncidentStoreActivitiesImplTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  private IncidentStoreActivitiesImpl store;
  private IncidentRepository repository;

  @BeforeEach
  void setUp() {
    store = new IncidentStoreActivitiesImpl(POSTGRES.jdbi());
    repository = new IncidentRepository(POSTGRES.jdbi());
  }

  @Test
  void recordingTheSameRunTwiceGivesOneRowAndOneNumber() {
    NewIncident incident = alert("alert-group-1", "run-1");

    IncidentNumber first = store.recordIncident(incident);
    IncidentNumber retry = store.recordIncident(incident);

    assertThat(retry).isEqualTo(first);
    assertThat(incidentRows()).isEqualTo(1);
  }

  @Test
  void aRetriedRecordingDrawsNoNumberSoTheNextIncidentGetsTheNextOne() {
    IncidentNumber first = store.recordIncident(alert("alert-group-1", "run-1"));
    store.recordIncident(alert("alert-group-1", "run-1"));
    store.recordIncident(alert("alert-group-1", "run-1"));

    IncidentNumber next = store.recordIncident(alert("alert-group-2", "run-1"));

    assertThat(next.number()).isEqualTo(first.number() + 1);
  }

  @Test
  void concurrentRecordingsOfTheSameRunGiveOneRowAndOneNumber() throws Exception {
    NewIncident incident = alert("alert-group-1", "run-1");
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<IncidentNumber>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<IncidentNumber> attempt =
            () -> {
              go.await();
              return store.recordIncident(incident);
            };
        answers.add(pool.submit(attempt));
      }
      go.countDown();

      List<IncidentNumber> numbers = new ArrayList<>();
      for (Future<IncidentNumber> answer : answers) {
        numbers.add(answer.get(30, TimeUnit.SECONDS));
      }
      assertThat(numbers).hasSize(threads).containsOnly(numbers.get(0));
      assertThat(incidentRows()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aNewRunOfTheSameWorkflowIdGetsTheNextNumber() {
    IncidentNumber closedIncident = store.recordIncident(alert("alert-group-1", "run-1"));
    IncidentNumber nextIncident = store.recordIncident(alert("alert-group-1", "run-2"));

    assertThat(nextIncident.number()).isEqualTo(closedIncident.number() + 1);
    assertThat(repository.find(nextIncident.number()).orElseThrow().id())
        .isEqualTo("INC-" + nextIncident.number());
    assertThat(incidentRows()).isEqualTo(2);
  }

  @Test
  void recordedIncidentStartsTriggeredWithWhatTheAlertSaid() {
    NewIncident incident = alert("alert-group-1", "run-1");

    long number = store.recordIncident(incident).number();

    IncidentRecord stored = repository.find(number).orElseThrow();
    assertThat(stored.status()).isEqualTo(IncidentStatus.TRIGGERED);
    assertThat(stored.workflowId()).isEqualTo("alert-group-1");
    assertThat(stored.title()).isEqualTo(incident.title());
    assertThat(stored.description()).isEqualTo(incident.description());
    assertThat(stored.severity()).isEqualTo(Severity.SEV2);
    assertThat(stored.service()).isEqualTo("checkout");
    assertThat(stored.source()).isEqualTo("alertmanager");
    assertThat(stored.dedupKey()).isEqualTo(incident.dedupKey());
    assertThat(stored.triggeredAt()).isEqualTo(START);
    assertThat(stored.acknowledgedAt()).isNull();
    assertThat(stored.roles()).isEmpty();
  }

  @Test
  void savingTheSameEventsTwiceStoresEachOnce() {
    NewIncident incident = alert("alert-group-1", "run-1");
    long number = store.recordIncident(incident).number();
    List<TimelineEvent> events =
        List.of(
            event(1, TimelineEventType.ALERT_FIRED, "system", "CheckoutLatency firing"),
            event(2, TimelineEventType.PAGED, "system", "Paged alice"));

    store.saveIncident(triggered(number, incident, events));
    store.saveIncident(triggered(number, incident, events));

    assertThat(repository.timeline(number)).containsExactlyElementsOf(events);
  }

  @Test
  void aNulCharacterIsStoredAsTheReplacementCharacterRatherThanFailingTheSave() {
    NewIncident incident =
        SampleIncidents.incident(
            "declared-1", "Checkout\u0000 down", "p99\u0000", Severity.SEV2, "checkout", START);
    long number = store.recordIncident(incident).number();
    TimelineEvent update =
        new TimelineEvent(
            1,
            START,
            TimelineEventType.STATUS_UPDATE,
            "alice",
            "rolled back\u0000 the deploy",
            Map.of("note\u0000", "by\u0000hand"));

    store.saveIncident(triggered(number, incident, List.of(update)));

    IncidentRecord stored = repository.find(number).orElseThrow();
    assertThat(stored.title()).isEqualTo("Checkout\ufffd down");
    assertThat(stored.description()).isEqualTo("p99\ufffd");
    assertThat(repository.timeline(number))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.text()).isEqualTo("rolled back\ufffd the deploy");
              assertThat(event.data()).containsExactly(Map.entry("note\ufffd", "by\ufffdhand"));
            });
  }

  @Test
  void savingOverwritesTheIncidentState() {
    NewIncident incident = alert("alert-group-1", "run-1");
    long number = store.recordIncident(incident).number();
    Instant acknowledged = START.plusSeconds(120);
    Instant updateDue = START.plusSeconds(1800);

    store.saveIncident(
        new IncidentSnapshot(
            number,
            incident.workflowId(),
            "Checkout down",
            Severity.SEV1,
            "checkout",
            IncidentStatus.ACKNOWLEDGED,
            "alice",
            Map.of("commander", "alice", "scribe", "bob"),
            "C0123",
            "inc-1-sev1-checkout-down",
            2,
            updateDue,
            Map.of(IncidentStatus.TRIGGERED, START, IncidentStatus.ACKNOWLEDGED, acknowledged),
            List.of()));

    IncidentRecord stored = repository.find(number).orElseThrow();
    assertThat(stored.title()).isEqualTo("Checkout down");
    assertThat(stored.severity()).isEqualTo(Severity.SEV1);
    assertThat(stored.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(stored.commander()).isEqualTo("alice");
    assertThat(stored.roles())
        .containsOnly(Map.entry("commander", "alice"), Map.entry("scribe", "bob"));
    assertThat(stored.channelId()).isEqualTo("C0123");
    assertThat(stored.channelName()).isEqualTo("inc-1-sev1-checkout-down");
    assertThat(stored.escalationLevel()).isEqualTo(2);
    assertThat(stored.nextUpdateDue()).isEqualTo(updateDue);
    assertThat(stored.triggeredAt()).isEqualTo(START);
    assertThat(stored.acknowledgedAt()).isEqualTo(acknowledged);
    assertThat(stored.resolvedAt()).isNull();
    assertThat(stored.description()).isEqualTo(incident.description());
  }

  /**
   * Each column from its own field: every value differs from every other of its type, so a column
   * bound from a neighbour's field reads back wrong. The snapshot has no trigger time, which keeps
   * the recorded one.
   */
  @Test
  void aSaveStoresEachColumnFromItsOwnFieldAndEachEventWithItsOwnData() {
    NewIncident incident = alert("alert-group-1", "run-1");
    long number = store.recordIncident(incident).number();
    Map<IncidentStatus, Instant> times = new EnumMap<>(IncidentStatus.class);
    for (IncidentStatus status : IncidentStatus.values()) {
      if (status != IncidentStatus.TRIGGERED) {
        times.put(status, START.plusSeconds(60L * status.ordinal()));
      }
    }
    List<TimelineEvent> events =
        List.of(
            new TimelineEvent(
                1, START, TimelineEventType.PAGED, "system", "Paged alice", Map.of("step", "0")),
            new TimelineEvent(
                2,
                START.plusSeconds(5),
                TimelineEventType.STATUS_UPDATE,
                "alice",
                "Rolled back",
                Map.of("note", "by hand")),
            new TimelineEvent(
                3,
                START.plusSeconds(9),
                TimelineEventType.CHANNEL_CREATED,
                "bob",
                "Opened #inc-1",
                Map.of()));

    store.saveIncident(
        new IncidentSnapshot(
            number,
            incident.workflowId(),
            "Payments down",
            Severity.SEV3,
            "payments",
            IncidentStatus.CLOSED,
            "carol",
            Map.of("scribe", "dave"),
            "C0999",
            "inc-1-sev3-payments-down",
            3,
            START.plusSeconds(3600),
            times,
            events));

    IncidentRecord stored = repository.find(number).orElseThrow();
    assertThat(stored.title()).isEqualTo("Payments down");
    assertThat(stored.severity()).isEqualTo(Severity.SEV3);
    assertThat(stored.service()).isEqualTo("payments");
    assertThat(stored.status()).isEqualTo(IncidentStatus.CLOSED);
    assertThat(stored.commander()).isEqualTo("carol");
    assertThat(stored.roles()).containsOnly(Map.entry("scribe", "dave"));
    assertThat(stored.channelId()).isEqualTo("C0999");
    assertThat(stored.channelName()).isEqualTo("inc-1-sev3-payments-down");
    assertThat(stored.escalationLevel()).isEqualTo(3);
    assertThat(stored.nextUpdateDue()).isEqualTo(START.plusSeconds(3600));
    assertThat(stored.triggeredAt()).isEqualTo(START);
    assertThat(stored.acknowledgedAt()).isEqualTo(times.get(IncidentStatus.ACKNOWLEDGED));
    assertThat(stored.identifiedAt()).isEqualTo(times.get(IncidentStatus.IDENTIFIED));
    assertThat(stored.mitigatedAt()).isEqualTo(times.get(IncidentStatus.MITIGATED));
    assertThat(stored.resolvedAt()).isEqualTo(times.get(IncidentStatus.RESOLVED));
    assertThat(stored.closedAt()).isEqualTo(times.get(IncidentStatus.CLOSED));
    assertThat(stored.canceledAt()).isEqualTo(times.get(IncidentStatus.CANCELED));
    assertThat(repository.timeline(number)).containsExactlyElementsOf(events);
  }

  @Test
  void aLateSaveOfAnOlderRevisionKeepsTheNewerStateButAddsItsEvents() {
    NewIncident incident = alert("alert-group-1", "run-1");
    long number = store.recordIncident(incident).number();
    TimelineEvent paged =
        new TimelineEvent(
            2, START, TimelineEventType.PAGED, TimelineEvent.SYSTEM, "Paged alice", Map.of());
    TimelineEvent opened =
        new TimelineEvent(
            3,
            START.plusSeconds(1),
            TimelineEventType.CHANNEL_CREATED,
            TimelineEvent.SYSTEM,
            "Opened #inc-1",
            Map.of());

    store.saveIncident(revision(number, incident, "C0123", List.of(opened), 3));
    // The attempt that saved revision 2 timed out in the workflow's eyes but commits only now.
    store.saveIncident(revision(number, incident, null, List.of(paged), 2));

    assertThat(repository.find(number).orElseThrow().channelId()).isEqualTo("C0123");
    assertThat(repository.timeline(number))
        .extracting(TimelineEvent::sequence)
        .containsExactly(2, 3);

    store.saveIncident(revision(number, incident, "C0456", List.of(), 3));
    assertThat(repository.find(number).orElseThrow().channelId()).isEqualTo("C0456");

    // A worker from before revisions sends none (0): it writes, and the revision stays.
    store.saveIncident(revision(number, incident, "C0789", List.of(), 0));
    assertThat(repository.find(number).orElseThrow().channelId()).isEqualTo("C0789");
    store.saveIncident(revision(number, incident, null, List.of(), 2));
    assertThat(repository.find(number).orElseThrow().channelId()).isEqualTo("C0789");
  }

  private static IncidentSnapshot revision(
      long number,
      NewIncident incident,
      String channelId,
      List<TimelineEvent> events,
      int revision) {
    return new IncidentSnapshot(
        number,
        incident.workflowId(),
        incident.title(),
        incident.severity(),
        incident.service(),
        IncidentStatus.TRIGGERED,
        "alice",
        Map.of(),
        channelId,
        channelId == null ? null : "inc-1",
        0,
        null,
        Map.of(IncidentStatus.TRIGGERED, START),
        events,
        revision);
  }

  @Test
  void reopeningClearsResolvedAt() {
    NewIncident incident = alert("alert-group-1", "run-1");
    long number = store.recordIncident(incident).number();
    Map<IncidentStatus, Instant> times = new EnumMap<>(IncidentStatus.class);
    for (IncidentStatus status :
        List.of(
            IncidentStatus.TRIGGERED,
            IncidentStatus.ACKNOWLEDGED,
            IncidentStatus.IDENTIFIED,
            IncidentStatus.MITIGATED,
            IncidentStatus.RESOLVED)) {
      times.put(status, START.plusSeconds(60L * status.ordinal()));
    }
    store.saveIncident(withStatus(number, incident, IncidentStatus.RESOLVED, times));
    assertThat(repository.find(number).orElseThrow().resolvedAt())
        .isEqualTo(times.get(IncidentStatus.RESOLVED));

    times.remove(IncidentStatus.RESOLVED);
    store.saveIncident(withStatus(number, incident, IncidentStatus.ACKNOWLEDGED, times));

    IncidentRecord reopened = repository.find(number).orElseThrow();
    assertThat(reopened.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    assertThat(reopened.resolvedAt()).isNull();
    assertThat(reopened.mitigatedAt()).isEqualTo(times.get(IncidentStatus.MITIGATED));
  }

  @Test
  void savingAnIncidentThatWasNeverRecordedFailsAndStoresNoEvents() {
    NewIncident incident = alert("alert-group-1", "run-1");
    List<TimelineEvent> events = List.of(event(1, TimelineEventType.DECLARED, "alice", "Declared"));

    assertThatThrownBy(() -> store.saveIncident(triggered(42, incident, events)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("INC-42");
    assertThat(repository.timeline(42)).isEmpty();
  }

  private static IncidentSnapshot withStatus(
      long number,
      NewIncident incident,
      IncidentStatus status,
      Map<IncidentStatus, Instant> times) {
    return new IncidentSnapshot(
        number,
        incident.workflowId(),
        incident.title(),
        incident.severity(),
        incident.service(),
        status,
        "alice",
        Map.of(),
        null,
        null,
        0,
        null,
        times,
        List.of());
  }

  private static int incidentRows() {
    return POSTGRES
        .jdbi()
        .withHandle(
            handle ->
                handle.createQuery("SELECT count(*) FROM incidents").mapTo(Integer.class).one());
  }
}
