package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.StoredIncident.triggered;
import static dev.incidentflow.workflows.model.Severity.SEV2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentflow.workflows.activities.ContextQuery;
import dev.incidentflow.workflows.activities.Deploy;
import dev.incidentflow.workflows.activities.IncidentContext;
import dev.incidentflow.workflows.activities.SimilarIncident;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.TimelineEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Full-text search over the whole incident, similar incidents, repeats and the briefing context.
 */
class IncidentLibraryTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  private static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");

  private IncidentStoreActivitiesImpl store;
  private IncidentRepository incidents;
  private IncidentLibrary library;

  @BeforeEach
  void setUp() {
    store = new IncidentStoreActivitiesImpl(POSTGRES.jdbi());
    incidents = new IncidentRepository(POSTGRES.jdbi());
    library = new IncidentLibrary(POSTGRES.jdbi());
  }

  @Test
  void anIncidentMentioningTheTermsOnlyInAStatusUpdateRanksAboveOneThatDoesNot() {
    long mentions =
        triggered("wf-1", "Checkout slow", "checkout", SEV2, NOW.minus(Duration.ofDays(2)))
            .event(
                TimelineEventType.STATUS_UPDATE, 600, "alice", "Consumer lag on the orders topic")
            .store(store);
    long silent =
        triggered("wf-2", "Checkout errors", "checkout", SEV2, NOW.minus(Duration.ofDays(1)))
            .event(TimelineEventType.STATUS_UPDATE, 600, "bob", "Rolled back, errors gone")
            .store(store);

    assertThat(search("consumer lag")).containsExactly(mentions);
    assertThat(search("checkout or lag"))
        .as("both match checkout; the older one also mentions lag and ranks first")
        .containsExactly(mentions, silent);
  }

  @Test
  void aStatusUpdateOfTooManyWordsForOneSearchVectorIsSavedAndItsFirstWordsSearchable() {
    // A pasted log: 90,000 distinct words make a search vector of about 1 MB, past PostgreSQL's
    // limit for one tsvector, and the save failed on every retry.
    StringBuilder log = new StringBuilder("Pasted the gateway log:");
    for (int i = 0; i < 90_000; i++) {
      log.append(" z").append(Integer.toHexString(0x100000 + i)).append('q');
    }
    long pasted =
        triggered("wf-1", "Gateway timeouts", "gateway", SEV2, NOW)
            .event(TimelineEventType.STATUS_UPDATE, 300, "alice", log.toString())
            .event(TimelineEventType.DECISION, 600, "bob", "Fail over to the second region")
            .store(store);

    assertThat(incidents.timeline(pasted)).hasSize(2);
    assertThat(search("gateway timeouts")).containsExactly(pasted);
    assertThat(search("z100000q")).as("the update's first words").containsExactly(pasted);
    assertThat(search("second region")).as("the decision after it").containsExactly(pasted);
  }

  @Test
  void decisionsAreSearchableAndOtherEventTextIsNot() {
    long decided =
        triggered("wf-1", "Database slow", "orders", SEV2, NOW)
            .event(TimelineEventType.DECISION, 300, "alice", "Fail over to the standby replica")
            .event(TimelineEventType.PAGED, 60, "system", "Paged zebediah")
            .store(store);

    assertThat(search("standby replica")).containsExactly(decided);
    assertThat(search("zebediah")).as("paging events are not searched").isEmpty();
  }

  @Test
  void aStatusUpdateSavedLaterBecomesSearchable() {
    StoredIncident incident = triggered("wf-1", "Checkout slow", "checkout", SEV2, NOW);
    long number = incident.store(store);
    assertThat(search("certificate")).isEmpty();

    triggered("wf-1", "Checkout slow", "checkout", SEV2, NOW)
        .event(TimelineEventType.DECLARED, 0, "alice", "Declared")
        .event(TimelineEventType.STATUS_UPDATE, 900, "alice", "The edge certificate expired")
        .store(store);

    assertThat(search("certificate")).containsExactly(number);
    assertThat(search("checkout")).as("title still searchable").containsExactly(number);
  }

  @Test
  void aRetitledIncidentIsFoundByItsNewTitleAndNoLongerByItsOld() {
    long number = triggered("wf-1", "Checkout slow", "checkout", SEV2, NOW).store(store);
    triggered("wf-1", "Checkout slow", "checkout", SEV2, NOW)
        .event(TimelineEventType.STATUS_UPDATE, 600, "alice", "Looking at the database")
        .store(store);
    assertThat(search("slow")).as("a save with the same title keeps it").containsExactly(number);

    triggered("wf-1", "Payment gateway timeouts", "checkout", SEV2, NOW).store(store);

    assertThat(search("gateway")).containsExactly(number);
    assertThat(search("slow")).isEmpty();
    assertThat(search("database")).as("status updates still count").containsExactly(number);
  }

  @Test
  void similarIncidentsAreOfTheSameServiceFirstThenByTextSimilarity() {
    Instant now = NOW;
    long sameServiceUnrelated =
        triggered("wf-s1", "Disk full on db host", "checkout", SEV2, now.minus(Duration.ofDays(9)))
            .acknowledgedAfter(60)
            .resolvedAfter(600)
            .closedAfter(2400)
            .store(store);
    long sameServiceSimilar =
        triggered(
                "wf-s2", "Checkout latency spike", "checkout", SEV2, now.minus(Duration.ofDays(30)))
            .store(store);
    long otherServiceSameWords =
        triggered(
                "wf-o1",
                "Checkout latency above SLO in EU",
                "edge",
                SEV2,
                now.minus(Duration.ofDays(5)))
            .store(store);
    triggered("wf-o2", "Latency of card payments", "payments", SEV2, now.minus(Duration.ofDays(4)))
        .store(store);
    triggered("wf-n1", "Elasticsearch heap pressure", "search", SEV2, now.minus(Duration.ofDays(3)))
        .store(store);
    long current =
        triggered("wf-x", "Checkout latency above SLO", "checkout", SEV2, now).store(store);
    triggered("wf-later", "Checkout latency above SLO", "checkout", SEV2, now.plusSeconds(60))
        .store(store);

    List<SimilarIncident> similar = library.similarTo(current);

    assertThat(similar)
        .extracting(SimilarIncident::id)
        .containsExactly(
            IncidentRecord.idOf(sameServiceSimilar),
            IncidentRecord.idOf(sameServiceUnrelated),
            IncidentRecord.idOf(otherServiceSameWords));
    assertThat(similar.get(1))
        .isEqualTo(
            new SimilarIncident(
                IncidentRecord.idOf(sameServiceUnrelated),
                "Disk full on db host",
                IncidentStatus.CLOSED,
                now.minus(Duration.ofDays(9)).plusSeconds(600)));
  }

  @Test
  void incidentsOfOtherServicesSharingNoWordAreNotSimilar() {
    triggered("wf-1", "Elasticsearch heap pressure", "search", SEV2, NOW.minusSeconds(3600))
        .store(store);
    long current =
        triggered("wf-2", "Payments webhook backlog", "payments", SEV2, NOW).store(store);

    assertThat(library.similarTo(current)).isEmpty();
  }

  @Test
  void aTitleFullOfSearchOperatorsIsTakenAsWords() {
    long earlier =
        triggered("wf-1", "Checkout timeouts", "edge", SEV2, NOW.minusSeconds(3600)).store(store);
    long current =
        triggered("wf-2", "checkout: 50% errors (!) & -timeouts' <-> or:*", "orders", SEV2, NOW)
            .store(store);
    long onlyPunctuation = triggered("wf-3", "!!! ???", "orders-2", SEV2, NOW).store(store);

    assertThat(library.similarTo(current))
        .extracting(SimilarIncident::id)
        .containsExactly(IncidentRecord.idOf(earlier));
    assertThat(library.similarTo(onlyPunctuation)).isEmpty();
  }

  @Test
  void anIncidentRepeatsTheLatestIncidentClosedInThePrevious30DaysWithItsDedupKey() {
    Instant now = NOW;
    triggered("wf-old", "Disk almost full", "db", SEV2, now.minus(Duration.ofDays(20)))
        .alert("alertmanager", "disk-db-1")
        .closedAfter(3600)
        .store(store);
    long latest =
        triggered("wf-new", "Disk 90% full", "db", SEV2, now.minus(Duration.ofDays(3)))
            .alert("alertmanager", "disk-db-1")
            .closedAfter(3600)
            .store(store);
    long current =
        triggered("wf-now", "Disk 95% full", "db", SEV2, now)
            .alert("alertmanager", "disk-db-1")
            .store(store);

    assertThat(library.repeatOf(current)).contains(IncidentRecord.idOf(latest));
  }

  @Test
  void anIncidentRepeatsAClosedOneWithTheSameServiceAndTitle() {
    long earlier =
        triggered("wf-1", "Search results stale", "search", SEV2, NOW.minus(Duration.ofDays(29)))
            .closedAfter(3600)
            .store(store);
    long current = triggered("wf-2", "Search results stale", "search", SEV2, NOW).store(store);

    assertThat(library.repeatOf(current)).contains(IncidentRecord.idOf(earlier));
  }

  @Test
  void neitherAnIncidentClosedMoreThan30DaysAgoNorOneStillOpenNorAnotherServiceMakesARepeat() {
    triggered("wf-1", "Search results stale", "search", SEV2, NOW.minus(Duration.ofDays(32)))
        .closedAfter(3600)
        .store(store);
    triggered("wf-2", "Search results stale", "search", SEV2, NOW.minus(Duration.ofDays(2)))
        .resolvedAfter(3600)
        .store(store);
    triggered("wf-3", "Search results stale", "search-eu", SEV2, NOW.minus(Duration.ofDays(2)))
        .closedAfter(3600)
        .store(store);
    long current = triggered("wf-4", "Search results stale", "search", SEV2, NOW).store(store);

    assertThat(library.repeatOf(current)).isEmpty();
  }

  @Test
  void theBriefingContextHasDeploysToTheServiceAndItsDependenciesSimilarIncidentsAndTheRepeat() {
    DeployRepository deploys = new DeployRepository(POSTGRES.jdbi());
    long earlier =
        triggered("wf-1", "Checkout errors", "checkout", SEV2, NOW.minus(Duration.ofDays(1)))
            .closedAfter(3600)
            .store(store);
    long current = triggered("wf-2", "Checkout errors", "checkout", SEV2, NOW).store(store);
    Deploy checkout =
        deploys
            .record(new NewDeploy("checkout", "1.2", null, null, NOW.minusSeconds(600), null))
            .deploy();
    Deploy payments =
        deploys
            .record(new NewDeploy("payments-api", "7.0", null, null, NOW.minusSeconds(60), null))
            .deploy();
    deploys.record(new NewDeploy("search", "3.0", null, null, NOW.minusSeconds(60), null));
    IncidentContextActivitiesImpl activities =
        new IncidentContextActivitiesImpl(library, Duration.ofHours(2));

    IncidentContext context =
        activities.context(new ContextQuery(current, List.of("payments-api", "checkout")));

    assertThat(context.deploys()).containsExactly(payments, checkout);
    assertThat(context.similar())
        .extracting(SimilarIncident::id)
        .containsExactly(IncidentRecord.idOf(earlier));
    assertThat(context.repeatOf()).isEqualTo(IncidentRecord.idOf(earlier));
  }

  @Test
  void theContextOfAnIncidentNotRecordedFailsSoThatTheActivityIsRetried() {
    IncidentContextActivitiesImpl activities =
        new IncidentContextActivitiesImpl(library, Duration.ofHours(2));

    assertThatThrownBy(() -> activities.context(new ContextQuery(42, List.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no incident INC-42");
  }

  private List<Long> search(String q) {
    return incidents.list(new IncidentFilter(null, null, null, q)).stream()
        .map(IncidentRecord::number)
        .toList();
  }
}
