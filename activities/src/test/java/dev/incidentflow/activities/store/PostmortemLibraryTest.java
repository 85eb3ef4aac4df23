package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.SampleIncidents.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.incidentflow.workflows.activities.ActionItemRecord;
import dev.incidentflow.workflows.activities.NewActionItem;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The postmortem library's query ({@link FollowUpRepository#postmortems}) on real PostgreSQL. */
class PostmortemLibraryTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

  private static final Instant NOW = START.plus(Duration.ofDays(10));

  private IncidentStoreActivitiesImpl incidents;
  private PostmortemStoreActivitiesImpl store;
  private FollowUpRepository repository;

  @BeforeEach
  void setUp() {
    incidents = new IncidentStoreActivitiesImpl(POSTGRES.jdbi());
    store = new PostmortemStoreActivitiesImpl(POSTGRES.jdbi());
    repository = new FollowUpRepository(POSTGRES.jdbi());
  }

  @Test
  void aPostmortemPastItsDueTimeIsOverdueAsOfTheListEvenWhileStoredAsScheduled() {
    long late = postmortem("Checkout down", Severity.SEV1, "checkout", NOW.minusSeconds(1));
    long notYet = postmortem("Search slow", Severity.SEV2, "search", NOW.plusSeconds(1));
    long atDueTime = postmortem("Login errors", Severity.SEV2, "login", NOW);

    assertThat(repository.postmortems(PostmortemFilter.all(NOW)))
        .extracting(ListedPostmortem::incidentNumber, ListedPostmortem::status)
        .containsExactly(
            tuple(late, PostmortemStatus.OVERDUE),
            tuple(atDueTime, PostmortemStatus.OVERDUE),
            tuple(notYet, PostmortemStatus.SCHEDULED));
    assertThat(numbers(filter(Set.of(PostmortemStatus.SCHEDULED), Set.of(), Set.of(), null)))
        .containsExactly(notYet);
    assertThat(repository.postmortems(PostmortemFilter.all(NOW.minusSeconds(2))))
        .extracting(ListedPostmortem::status)
        .containsOnly(PostmortemStatus.SCHEDULED);
  }

  @Test
  void aPublishedPostmortemIsPublishedWhateverItsDueTimeAndShowsItsPublication() {
    long published = postmortem("Checkout down", Severity.SEV1, "checkout", NOW.minusSeconds(60));
    publish(published, NOW.minusSeconds(30));
    long overdue = postmortem("Search slow", Severity.SEV2, "search", NOW.minusSeconds(60));

    assertThat(numbers(filter(Set.of(PostmortemStatus.PUBLISHED), Set.of(), Set.of(), null)))
        .containsExactly(published);
    assertThat(
            numbers(
                filter(
                    Set.of(PostmortemStatus.OVERDUE, PostmortemStatus.SCHEDULED),
                    Set.of(),
                    Set.of(),
                    null)))
        .containsExactly(overdue);
    assertThat(repository.postmortems(PostmortemFilter.all(NOW)).get(0))
        .satisfies(
            listed -> {
              assertThat(listed.incidentId()).isEqualTo("INC-" + published);
              assertThat(listed.title()).isEqualTo("Checkout down");
              assertThat(listed.severity()).isEqualTo(Severity.SEV1);
              assertThat(listed.service()).isEqualTo("checkout");
              assertThat(listed.status()).isEqualTo(PostmortemStatus.PUBLISHED);
              assertThat(listed.publishedAt()).isEqualTo(NOW.minusSeconds(30));
              assertThat(listed.publishedBy()).isEqualTo("alice");
              assertThat(listed.owner()).isEqualTo("carol");
              assertThat(listed.publishedUrl())
                  .isEqualTo("https://wiki.example.com/pm/" + published);
              assertThat(listed.summary()).isEqualTo("A bad deploy");
              assertThat(listed.jiraKey()).isEqualTo("OPS-" + published);
              assertThat(listed.jiraUrl())
                  .isEqualTo("https://jira.example.com/browse/OPS-" + published);
            });
  }

  @Test
  void severityServiceAndTextFiltersNarrowTheListAndRepeatedValuesMatchAny() {
    long checkout = postmortem("Checkout database failover", Severity.SEV1, "checkout", NOW);
    long search = postmortem("Search index corrupt", Severity.SEV2, "search", NOW.plusSeconds(1));
    long login = postmortem("Login database timeouts", Severity.SEV2, "login", NOW.plusSeconds(2));

    assertThat(numbers(filter(Set.of(), Set.of(Severity.SEV2), Set.of(), null)))
        .containsExactly(search, login);
    assertThat(numbers(filter(Set.of(), Set.of(Severity.SEV1, Severity.SEV2), Set.of(), null)))
        .containsExactly(checkout, search, login);
    assertThat(numbers(filter(Set.of(), Set.of(), Set.of("checkout", "search"), null)))
        .containsExactly(checkout, search);
    assertThat(numbers(filter(Set.of(), Set.of(), Set.of(), "databases")))
        .containsExactly(checkout, login);
    assertThat(numbers(filter(Set.of(), Set.of(Severity.SEV2), Set.of(), "database")))
        .containsExactly(login);
    assertThat(numbers(filter(Set.of(), Set.of(), Set.of(), "database -login")))
        .containsExactly(checkout);
  }

  @Test
  void anOwnerFilterListsThePostmortemsThoseOwnersOwn() {
    long carols = postmortem("Checkout down", Severity.SEV1, "checkout", NOW);
    long daves = postmortem("Search slow", Severity.SEV2, "search", NOW.plusSeconds(1));
    PostmortemRecord scheduled = repository.postmortem(daves).orElseThrow();
    store.savePostmortem(
        new PostmortemRecord(
            daves,
            scheduled.workflowId(),
            scheduled.status(),
            scheduled.dueAt(),
            scheduled.jiraKey(),
            scheduled.jiraUrl(),
            null,
            null,
            null,
            null,
            "dave"));

    assertThat(numbers(ownedBy("dave"))).containsExactly(daves);
    assertThat(numbers(ownedBy("carol", "dave"))).containsExactly(carols, daves);
    assertThat(numbers(ownedBy("erin"))).isEmpty();
    assertThat(numbers(ownedBy())).containsExactly(carols, daves);
  }

  @Test
  void theListIsSoonestDueFirstThenByIncidentNumberAndPagesWithoutRepeatsOrGaps() {
    List<Long> expected = new ArrayList<>();
    // Two due at each time, the latest due recorded first: neither the incident number alone nor
    // the due time alone gives the list's order.
    for (int hour = 4; hour >= 0; hour--) {
      long first = postmortem("Outage " + hour + "a", Severity.SEV2, "checkout", at(hour));
      long second = postmortem("Outage " + hour + "b", Severity.SEV2, "checkout", at(hour));
      expected.addAll(0, List.of(first, second));
    }

    List<Long> paged = new ArrayList<>();
    PostmortemFilter.Position after = null;
    for (int page = 0; page < 10; page++) {
      List<ListedPostmortem> listed =
          repository.postmortems(
              new PostmortemFilter(Set.of(), Set.of(), Set.of(), Set.of(), null, after, NOW, 3));
      if (listed.isEmpty()) {
        break;
      }
      assertThat(listed.size()).isLessThanOrEqualTo(3);
      paged.addAll(listed.stream().map(ListedPostmortem::incidentNumber).toList());
      ListedPostmortem last = listed.get(listed.size() - 1);
      after = new PostmortemFilter.Position(last.dueAt(), last.incidentNumber());
    }

    assertThat(expected).startsWith(9L, 10L, 7L, 8L);
    assertThat(paged).containsExactlyElementsOf(expected);
    assertThat(numbers(PostmortemFilter.all(NOW))).containsExactlyElementsOf(expected);
  }

  @Test
  void actionItemsAreCountedOpenOverdueAndDoneAsOfTheList() {
    long incident = postmortem("Checkout down", Severity.SEV1, "checkout", NOW.plusSeconds(60));
    LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    actionItem(incident, "a", today, ActionItemStatus.OPEN);
    actionItem(incident, "b", today.minusDays(1), ActionItemStatus.OPEN);
    actionItem(incident, "c", today.minusDays(2), ActionItemStatus.OVERDUE);
    actionItem(incident, "d", today.minusDays(2), ActionItemStatus.DONE);
    long other = postmortem("Search slow", Severity.SEV2, "search", NOW.plusSeconds(120));

    assertThat(repository.postmortems(PostmortemFilter.all(NOW)))
        .extracting(
            ListedPostmortem::incidentNumber,
            ListedPostmortem::openActionItems,
            ListedPostmortem::overdueActionItems,
            ListedPostmortem::doneActionItems)
        .containsExactly(tuple(incident, 1, 2, 1), tuple(other, 0, 0, 0));
  }

  private long postmortem(String title, Severity severity, String service, Instant dueAt) {
    long number =
        incidents
            .recordIncident(
                SampleIncidents.incident("incident-" + title, title, "", severity, service, START))
            .number();
    store.savePostmortem(
        new PostmortemRecord(
            number,
            "postmortem-INC-" + number,
            PostmortemStatus.SCHEDULED,
            dueAt,
            "OPS-" + number,
            "https://jira.example.com/browse/OPS-" + number,
            null,
            null,
            null,
            null,
            "carol"));
    return number;
  }

  private void publish(long number, Instant at) {
    PostmortemRecord scheduled = repository.postmortem(number).orElseThrow();
    store.savePostmortem(
        new PostmortemRecord(
            number,
            scheduled.workflowId(),
            PostmortemStatus.PUBLISHED,
            scheduled.dueAt(),
            null,
            null,
            "https://wiki.example.com/pm/" + number,
            "A bad deploy",
            "alice",
            at,
            scheduled.owner()));
  }

  private void actionItem(long incident, String name, LocalDate due, ActionItemStatus status) {
    String workflowId = "action-item-" + incident + "-" + name;
    long number =
        store
            .recordActionItem(
                new NewActionItem(
                    workflowId,
                    incident,
                    "Fix " + name,
                    "bob",
                    due,
                    ActionItemKind.IMPROVEMENT,
                    "alice"))
            .number();
    store.saveActionItem(
        new ActionItemRecord(
            number,
            workflowId,
            status,
            null,
            null,
            0,
            status == ActionItemStatus.DONE ? NOW : null,
            status == ActionItemStatus.DONE ? "jira" : null));
  }

  private static Instant at(int hour) {
    return NOW.plus(Duration.ofHours(hour));
  }

  private static PostmortemFilter filter(
      Set<PostmortemStatus> statuses, Set<Severity> severities, Set<String> services, String q) {
    return new PostmortemFilter(
        statuses, severities, services, Set.of(), q, null, NOW, PostmortemFilter.DEFAULT_LIMIT);
  }

  private static PostmortemFilter ownedBy(String... owners) {
    return new PostmortemFilter(
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(owners),
        null,
        null,
        NOW,
        PostmortemFilter.DEFAULT_LIMIT);
  }

  private List<Long> numbers(PostmortemFilter filter) {
    return repository.postmortems(filter).stream().map(ListedPostmortem::incidentNumber).toList();
  }
}
