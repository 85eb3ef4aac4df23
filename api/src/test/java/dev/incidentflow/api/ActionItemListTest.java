package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.model.ActionItemStatus;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/action-items} page by page ({@code after} and the {@code Link} header) and with
 * repeated filters. The items are written into a database of this test's own, as their workflows
 * would have written them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ActionItemListTest {
  private static final TestStack STACK = TestStack.get();
  private static final String DATABASE = "action_item_list_test";
  private static final Instant START = Instant.parse("2021-05-01T10:00:00Z");
  private static final LocalDate DUE = LocalDate.parse("2021-06-01");

  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", DATABASE);

  @Test
  void followingNextLinksListsEveryItemOnceInsteadOfTheFirstTwoHundred() {
    Items items = new Items();
    List<String> expected = new ArrayList<>();
    // More than one default page, several due on one day: the number orders those.
    for (int i = 0; i < 203; i++) {
      expected.add(items.add("dana", DUE.plusDays(i / 3), ActionItemStatus.OPEN));
    }

    ApiClient.Answer first = api().get("/v1/action-items?owner=dana");
    assertThat(ids(first)).hasSize(200);
    List<String> listed = new ArrayList<>(ids(first));
    String link = first.nextPage().orElseThrow();
    assertThat(link).isEqualTo("/v1/action-items?owner=dana&after=" + expected.get(199));
    listed.addAll(everyPage(link));

    assertThat(listed).containsExactlyElementsOf(expected);
    assertThat(everyPage("/v1/action-items?owner=dana&limit=7"))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void aRepeatedStatusOrOwnerMatchesAnyOfItsValues() {
    Items items = new Items();
    String overdue = items.add("erin", DUE, ActionItemStatus.OVERDUE);
    String done = items.add("erin", DUE.plusDays(1), ActionItemStatus.DONE);
    items.add("erin", DUE.plusDays(2), ActionItemStatus.OPEN);
    String franks = items.add("frank", DUE.plusDays(3), ActionItemStatus.OVERDUE);

    assertThat(ids(api().get("/v1/action-items?owner=erin&status=overdue&status=done")))
        .containsExactly(overdue, done);
    assertThat(ids(api().get("/v1/action-items?status=overdue&owner=erin&owner=Frank")))
        .containsExactly(overdue, franks);
  }

  @Test
  void aBadPageRequestIsRefusedNamingWhatIsWrong() {
    ApiClient.Answer answer = api().get("/v1/action-items?after=AI-999999&limit=0&after=x");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details").toString())
        .contains("after can be given once, not 2 times")
        .contains("after names AI-999999, which does not exist")
        .contains("limit must be a whole number from 1 to 1000, not '0'");
    assertThat(api().get("/v1/action-items?after=INC-3").body().path("details").get(0).asText())
        .isEqualTo("after must be an action item id (AI-<number>), not 'INC-3'");
  }

  @Test
  void anOwnerOfControlCharactersIsRefusedRatherThanListingEveryonesItems() {
    new Items().add("carol", DUE, ActionItemStatus.OPEN);

    ApiClient.Answer answer = api().get("/v1/action-items?owner=%01");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().path("details").get(0).asText())
        .isEqualTo("owner '\u0001' is not a person in the catalog and owns no action item");
  }

  /** Action items of one past incident. */
  private static final class Items {
    private final PastIncidents incidents = new PastIncidents(STACK, DATABASE);
    private final long incident;

    Items() {
      String id =
          incidents.resolved("action-item-list-" + UUID.randomUUID(), START, START.plusSeconds(60));
      this.incident = Long.parseLong(id.substring("INC-".length()));
    }

    String add(String owner, LocalDate due, ActionItemStatus status) {
      return incidents.storedActionItem(incident, owner, due, status, START);
    }
  }

  private static List<String> everyPage(String path) {
    List<String> listed = new ArrayList<>();
    Optional<String> link = Optional.of(path);
    while (link.isPresent()) {
      ApiClient.Answer page = api().get(link.get());
      assertThat(page.status()).isEqualTo(200);
      listed.addAll(ids(page));
      link = page.nextPage();
    }
    return listed;
  }

  private static List<String> ids(ApiClient.Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return StreamSupport.stream(answer.body().spliterator(), false)
        .map(item -> item.path("id").asText())
        .toList();
  }

  private static ApiClient api() {
    return new ApiClient(APP.getLocalPort(), TestStack.TOKEN);
  }
}
