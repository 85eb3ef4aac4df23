package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.SampleIncidents.START;
import static dev.incidentflow.activities.store.SampleIncidents.incident;
import static dev.incidentflow.activities.store.SampleIncidents.triggered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.activities.IncidentSnapshot;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IncidentRepositoryTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  /** The first event of an incident alice declared at {@link SampleIncidents#START}. */
  private static final TimelineEvent DECLARED =
      new TimelineEvent(
          1, START, TimelineEventType.DECLARED, "alice", "Declared by alice", Map.of());

  private IncidentStoreActivitiesImpl store;
  private IncidentRepository repository;

  @BeforeEach
  void setUp() {
    store = new IncidentStoreActivitiesImpl(POSTGRES.jdbi());
    repository = new IncidentRepository(POSTGRES.jdbi());
  }

  @Test
  void findOfAnUnknownNumberIsEmpty() {
    assertThat(repository.find(7)).isEmpty();
    assertThat(repository.workflowIdOf(7)).isEmpty();
    assertThat(repository.timeline(7)).isEmpty();
  }

  @Test
  void workflowIdOfNamesTheWorkflowRunningTheIncident() {
    long number = record(incident("alertmanager-abc", "Disk full", "", Severity.SEV3, "db", START));

    assertThat(repository.workflowIdOf(number)).contains("alertmanager-abc");
  }

  @Test
  void latestOfReadsTheWorkflowsIncidentAndGivesTheConnectionItsNetworkTimeoutBack()
      throws Exception {
    long number = record(incident("declaration-k1", "Orders down", "", Severity.SEV1, "db", START));
    try (Connection connection = POSTGRES.dataSource().getConnection()) {
      connection.setNetworkTimeout(Runnable::run, 12_345);
      // One connection for every handle, kept open past each (as a pool keeps it).
      Connection kept =
          (Connection)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                      return null;
                    }
                    try {
                      return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      IncidentRepository onOneConnection =
          new IncidentRepository(
              IncidentJdbi.configure(Jdbi.create(() -> kept).installPlugin(new SqlObjectPlugin())));

      assertThat(onOneConnection.latestOf("declaration-k1", Duration.ofSeconds(2)))
          .map(IncidentRecord::number)
          .contains(number);
      assertThat(onOneConnection.latestOf("declaration-k2", Duration.ofSeconds(2))).isEmpty();
      assertThat(connection.getNetworkTimeout()).isEqualTo(12_345);
    }
  }

  @Test
  void listIsNewestFirst() {
    long oldest = record(incident("wf-1", "Oldest", "", Severity.SEV2, "checkout", START));
    long newest =
        record(incident("wf-2", "Newest", "", Severity.SEV2, "checkout", START.plusSeconds(7200)));
    long middle =
        record(incident("wf-3", "Middle", "", Severity.SEV2, "checkout", START.plusSeconds(3600)));

    assertThat(numbers(repository.list(IncidentFilter.newest())))
        .containsExactly(newest, middle, oldest);
  }

  @Test
  void incidentsTriggeredAtTheSameTimeListHigherNumbersFirst() {
    long first = record(incident("wf-1", "One", "", Severity.SEV2, "checkout", START));
    long second = record(incident("wf-2", "Two", "", Severity.SEV2, "checkout", START));

    assertThat(numbers(repository.list(IncidentFilter.newest()))).containsExactly(second, first);
  }

  @Test
  void listFiltersByStatusSeverityAndService() {
    NewIncident checkoutSev1 =
        incident("wf-1", "Checkout down", "", Severity.SEV1, "checkout", START);
    long resolvedCheckoutSev1 = record(checkoutSev1);
    long openCheckoutSev1 =
        record(
            incident(
                "wf-2", "Checkout slow", "", Severity.SEV1, "checkout", START.plusSeconds(60)));
    long openCheckoutSev3 =
        record(
            incident(
                "wf-3", "Checkout logs", "", Severity.SEV3, "checkout", START.plusSeconds(120)));
    long openSearchSev1 =
        record(
            incident("wf-4", "Search down", "", Severity.SEV1, "search", START.plusSeconds(180)));
    store.saveIncident(resolved(resolvedCheckoutSev1, checkoutSev1));

    assertThat(
            numbers(
                repository.list(new IncidentFilter(IncidentStatus.TRIGGERED, null, null, null))))
        .containsExactly(openSearchSev1, openCheckoutSev3, openCheckoutSev1);
    assertThat(
            numbers(repository.list(new IncidentFilter(IncidentStatus.RESOLVED, null, null, null))))
        .containsExactly(resolvedCheckoutSev1);
    assertThat(numbers(repository.list(new IncidentFilter(null, Severity.SEV1, null, null))))
        .containsExactly(openSearchSev1, openCheckoutSev1, resolvedCheckoutSev1);
    assertThat(numbers(repository.list(new IncidentFilter(null, null, "checkout", null))))
        .containsExactly(openCheckoutSev3, openCheckoutSev1, resolvedCheckoutSev1);
    assertThat(
            numbers(
                repository.list(
                    new IncidentFilter(IncidentStatus.TRIGGERED, Severity.SEV1, "checkout", null))))
        .containsExactly(openCheckoutSev1);
    assertThat(repository.list(new IncidentFilter(null, Severity.SEV4, null, null))).isEmpty();
  }

  @Test
  void aServiceFilterWithANulCharacterMatchesTheServiceStoredWithItRatherThanFailing() {
    long withNul =
        record(incident("wf-1", "Odd service", "", Severity.SEV2, "check\u0000out", START));
    record(incident("wf-2", "Checkout down", "", Severity.SEV2, "checkout", START));

    assertThat(numbers(repository.list(new IncidentFilter(null, null, "check\u0000out", null))))
        .containsExactly(withNul);
    assertThat(numbers(repository.list(new IncidentFilter(null, null, "check\u0000out", "odd"))))
        .containsExactly(withNul);
  }

  @Test
  void listReturnsAtMostTheLimitNewestFirst() {
    for (int i = 0; i < 5; i++) {
      record(
          incident(
              "wf-" + i, "Incident " + i, "", Severity.SEV3, "checkout", START.plusSeconds(i)));
    }

    List<IncidentRecord> page = repository.list(IncidentFilter.newest().withLimit(2));

    assertThat(page).extracting(IncidentRecord::title).containsExactly("Incident 4", "Incident 3");
  }

  @Test
  void textQueryReturnsIncidentsMentioningItsTermsAndNotOthers() {
    long database =
        record(
            incident(
                "wf-1",
                "Checkout errors",
                "Database connection pool exhausted on primary",
                Severity.SEV2,
                "checkout",
                START));
    record(
        incident(
            "wf-2",
            "Search latency",
            "Elasticsearch heap pressure",
            Severity.SEV2,
            "search",
            START.plusSeconds(60)));
    long timeouts =
        record(
            incident(
                "wf-3",
                "Payment timeouts",
                "Stripe answers slowly",
                Severity.SEV2,
                "payments",
                START.plusSeconds(120)));

    assertThat(numbers(repository.list(new IncidentFilter(null, null, null, "connection pool"))))
        .containsExactly(database);
    assertThat(numbers(repository.list(new IncidentFilter(null, null, null, "timeout"))))
        .as("English stemming matches timeouts")
        .containsExactly(timeouts);
    assertThat(numbers(repository.list(new IncidentFilter(null, null, null, "stripe or pool"))))
        .containsExactlyInAnyOrder(database, timeouts);
    assertThat(numbers(repository.list(new IncidentFilter(null, null, null, "pool -primary"))))
        .isEmpty();
    assertThat(repository.list(new IncidentFilter(null, null, null, "kafka"))).isEmpty();
  }

  @Test
  void textQueryWithOperatorCharactersIsTakenAsWordsNotAnError() {
    long number = record(incident("wf-1", "Pool exhausted", "", Severity.SEV2, "checkout", START));

    assertThat(numbers(repository.list(new IncidentFilter(null, null, null, "pool' & (:* | !"))))
        .containsExactly(number);
    assertThat(repository.list(new IncidentFilter(null, null, null, "'; DROP TABLE incidents; --")))
        .isEmpty();
    assertThat(repository.find(number)).isPresent();
  }

  @Test
  void textQueryRanksTitleMatchesAboveDescriptionMatches() {
    long titleMatch =
        record(
            incident(
                "wf-1",
                "Redis failover",
                "Cache cluster lost its primary",
                Severity.SEV2,
                "cache",
                START));
    long descriptionMatch =
        record(
            incident(
                "wf-2",
                "Checkout errors",
                "Caused by a redis timeout",
                Severity.SEV2,
                "checkout",
                START.plusSeconds(60)));

    assertThat(numbers(repository.list(new IncidentFilter(null, null, null, "redis"))))
        .containsExactly(titleMatch, descriptionMatch);
  }

  @Test
  void textQueryCombinesWithTheOtherFilters() {
    long checkout =
        record(incident("wf-1", "Checkout database slow", "", Severity.SEV2, "checkout", START));
    record(
        incident(
            "wf-2", "Search database slow", "", Severity.SEV2, "search", START.plusSeconds(60)));

    assertThat(numbers(repository.list(new IncidentFilter(null, null, "checkout", "database"))))
        .containsExactly(checkout);
  }

  @Test
  void searchFollowsTitleChangesSavedLater() {
    NewIncident incident =
        incident("wf-1", "Something is wrong", "", Severity.SEV2, "checkout", START);
    long number = record(incident);
    IncidentSnapshot renamed = triggered(number, incident, List.of());
    store.saveIncident(
        new IncidentSnapshot(
            number,
            renamed.workflowId(),
            "Certificate expired on the edge proxy",
            renamed.severity(),
            renamed.service(),
            renamed.status(),
            null,
            Map.of(),
            null,
            null,
            0,
            null,
            renamed.statusTimes(),
            List.of()));

    assertThat(numbers(repository.list(new IncidentFilter(null, null, null, "certificate"))))
        .containsExactly(number);
  }

  @Test
  void timelineComesBackInOrderWithEverythingIntact() {
    NewIncident incident = incident("wf-1", "Checkout down", "", Severity.SEV1, "checkout", START);
    long number = record(incident);
    TimelineEvent paged =
        new TimelineEvent(
            2,
            START.plusMillis(1500),
            TimelineEventType.PAGED,
            null,
            "Paged bob",
            Map.of("person", "bob", "dedupKey", "wf-1/page-0"));
    TimelineEvent update =
        new TimelineEvent(
            3,
            START.plusSeconds(900),
            TimelineEventType.STATUS_UPDATE,
            "alice",
            "Rolled back 1.4.2; \"errors\" down to 0.1% — watching",
            Map.of("audience", "stakeholders"));
    store.saveIncident(triggered(number, incident, List.of(update)));
    store.saveIncident(triggered(number, incident, List.of(paged, DECLARED)));

    List<TimelineEvent> timeline = repository.timeline(number);

    assertThat(timeline).containsExactly(DECLARED, paged, update);
    assertThat(timeline.get(1).by()).isEqualTo(TimelineEvent.SYSTEM);
    assertThat(timeline.get(1).data())
        .containsOnly(Map.entry("person", "bob"), Map.entry("dedupKey", "wf-1/page-0"));
  }

  @Test
  void anIncidentAndItsTimelineAreReadFromOneSnapshotWhileASaveCommitsBetweenTheReads() {
    NewIncident incident = incident("wf-1", "Checkout down", "", Severity.SEV1, "checkout", START);
    long number = record(incident);
    store.saveIncident(triggered(number, incident, List.of(DECLARED)));
    TimelineEvent opened =
        new TimelineEvent(
            2,
            START.plusSeconds(2),
            TimelineEventType.CHANNEL_CREATED,
            TimelineEvent.SYSTEM,
            "Opened #inc-1",
            Map.of("channelId", "C1", "channelName", "inc-1"));
    IncidentSnapshot channelOpened =
        SampleIncidents.channelOpened(number, incident, "C1", "inc-1", List.of(opened));
    // The workflow's save commits, on a connection of its own, right after the incident's row
    // has been read and before its timeline is.
    AtomicBoolean saved = new AtomicBoolean();
    Jdbi reading = IncidentJdbi.create(POSTGRES.dataSource());
    reading.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logAfterExecution(StatementContext context) {
            if (context.getRenderedSql().contains("FROM incidents")
                && saved.compareAndSet(false, true)) {
              store.saveIncident(channelOpened);
            }
          }
        });

    IncidentRepository.WithTimeline read =
        new IncidentRepository(reading).findWithTimeline(number).orElseThrow();

    assertThat(saved).isTrue();
    assertThat(read.incident().channelId()).isNull();
    assertThat(read.timeline()).containsExactly(DECLARED);
    IncidentRepository.WithTimeline after = repository.findWithTimeline(number).orElseThrow();
    assertThat(after.incident().channelId()).isEqualTo("C1");
    assertThat(after.timeline()).containsExactly(DECLARED, opened);
    assertThat(repository.findWithTimeline(number + 1)).isEmpty();
  }

  @Test
  void aTimelineEventOfATypeThisVersionDoesNotKnowIsLeftOutNotAFailure() {
    NewIncident incident = incident("wf-1", "Checkout down", "", Severity.SEV1, "checkout", START);
    long number = record(incident);
    store.saveIncident(triggered(number, incident, List.of(DECLARED)));
    // As a newer worker writes a type added after this version.
    POSTGRES
        .jdbi()
        .useHandle(
            handle ->
                handle.execute(
                    "INSERT INTO timeline_events (incident_number, sequence, at, type, by_whom,"
                        + " text, data) VALUES (?, 2, ?, 'from_a_newer_version', 'jira', 'x',"
                        + " '{}')",
                    number,
                    java.sql.Timestamp.from(START.plusSeconds(1))));

    assertThat(repository.timeline(number)).containsExactly(DECLARED);
  }

  @Test
  void storedTimelineTypesUseTheirWireNames() {
    NewIncident incident = incident("wf-1", "Checkout down", "", Severity.SEV1, "checkout", START);
    long number = record(incident);
    store.saveIncident(
        triggered(
            number,
            incident,
            List.of(
                new TimelineEvent(
                    1, START, TimelineEventType.STATUS_UPDATE, "alice", "All good", Map.of()))));

    String type =
        POSTGRES
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT type FROM timeline_events WHERE incident_number = :number")
                        .bind("number", number)
                        .mapTo(String.class)
                        .one());

    assertThat(type).isEqualTo("status_update");
  }

  @Test
  void filterRejectsALimitOutsideOneToFiveHundred() {
    assertThat(IncidentFilter.newest().limit()).isEqualTo(100);
    assertThat(IncidentFilter.newest().withLimit(500).limit()).isEqualTo(500);
    assertThatThrownBy(() -> IncidentFilter.newest().withLimit(501))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> IncidentFilter.newest().withLimit(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blankServiceAndQueryMatchEverything() {
    long number = record(incident("wf-1", "Checkout down", "", Severity.SEV1, "checkout", START));

    assertThat(numbers(repository.list(new IncidentFilter(null, null, " ", "  "))))
        .containsExactly(number);
  }

  private long record(NewIncident incident) {
    return store.recordIncident(incident).number();
  }

  private static IncidentSnapshot resolved(long number, NewIncident incident) {
    Instant resolvedAt = incident.triggeredAt().plusSeconds(600);
    return new IncidentSnapshot(
        number,
        incident.workflowId(),
        incident.title(),
        incident.severity(),
        incident.service(),
        IncidentStatus.RESOLVED,
        "alice",
        Map.of(),
        null,
        null,
        0,
        null,
        Map.of(
            IncidentStatus.TRIGGERED, incident.triggeredAt(), IncidentStatus.RESOLVED, resolvedAt),
        List.of());
  }

  private static List<Long> numbers(List<IncidentRecord> incidents) {
    return incidents.stream().map(IncidentRecord::number).toList();
  }
}
