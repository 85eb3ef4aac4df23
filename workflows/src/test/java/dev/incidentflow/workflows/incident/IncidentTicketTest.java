package dev.incidentflow.workflows.incident;

import static dev.incidentflow.workflows.incident.StateDriver.START;
import static dev.incidentflow.workflows.model.IncidentStatus.CANCELED;
import static dev.incidentflow.workflows.model.IncidentStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.activities.IssueKind;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEventType;
import dev.incidentflow.workflows.policy.TestPolicies;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ticket an incident whose severity pages nobody opens for the owning team. */
class IncidentTicketTest {
  private static final IncidentState.TicketDesk PAYMENTS =
      new IncidentState.TicketDesk("PAY", "payments");

  private static StateDriver withTickets(Severity severity) {
    StateDriver driver = StateDriver.declared(severity);
    driver.state.ticketsTo(PAYMENTS);
    return driver;
  }

  /** The state as the next run gets it: through Temporal's JSON, as continue-as-new carries it. */
  private static IncidentState carriedAcrossContinueAsNew(StateDriver driver) {
    DataConverter json = DefaultDataConverter.STANDARD_INSTANCE;
    return json.fromPayload(
        json.toPayload(driver.state).orElseThrow(), IncidentState.class, IncidentState.class);
  }

  private static SeverityChange to(Severity severity) {
    return new SeverityChange(severity, "alice", "");
  }

  @ParameterizedTest
  @EnumSource(
      value = Severity.class,
      names = {"SEV3", "SEV4"})
  void anIncidentThatPagesNobodyAsksForOneTicketInTheOwningTeamsProject(Severity severity) {
    StateDriver driver = withTickets(severity).advanceTo(600);

    assertThat(driver.effects(Effect.OpenTicket.class))
        .containsExactly(new Effect.OpenTicket("PAY", "payments"));
    assertThat(driver.timesOf(Effect.OpenTicket.class)).containsExactly("0s");
    assertThat(driver.stepsRun()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = Severity.class,
      names = {"SEV1", "SEV2"})
  void anIncidentThatPagesAsksForNoTicket(Severity severity) {
    StateDriver driver = withTickets(severity).advanceTo(600);

    assertThat(driver.effects(Effect.OpenTicket.class)).isEmpty();
  }

  @Test
  void runsThatNeverHeardOfTicketsAskForNone() {
    StateDriver driver =
        StateDriver.declared(Severity.SEV3)
            .advanceTo(5)
            .at(6, (state, now) -> state.changeSeverity(to(Severity.SEV1), now))
            .at(8, (state, now) -> state.changeSeverity(to(Severity.SEV4), now))
            .advanceTo(60);

    assertThat(driver.effects(Effect.OpenTicket.class)).isEmpty();
  }

  @Test
  void loweringToASeverityThatPagesNobodyAsksForTheTicketThenAndOnlyOnce() {
    StateDriver driver =
        withTickets(Severity.SEV1)
            .at(7, (state, now) -> state.changeSeverity(to(Severity.SEV3), now))
            .at(9, (state, now) -> state.changeSeverity(to(Severity.SEV4), now))
            .at(11, (state, now) -> state.changeSeverity(to(Severity.SEV2), now))
            .at(13, (state, now) -> state.changeSeverity(to(Severity.SEV3), now))
            .advanceTo(120);

    assertThat(driver.timesOf(Effect.OpenTicket.class)).containsExactly("7m");
  }

  @Test
  void raisingAnUnpagedIncidentKeepsItsOneTicket() {
    StateDriver driver =
        withTickets(Severity.SEV3)
            .at(2, (state, now) -> state.changeSeverity(to(Severity.SEV1), now))
            .advanceTo(30);

    assertThat(driver.timesOf(Effect.OpenTicket.class)).containsExactly("0s");
    assertThat(driver.stepsRun()).startsWith("step 0 at 2m");
  }

  @Test
  void anIncidentLoweredOnceResolvedAsksForNoTicket() {
    StateDriver driver =
        withTickets(Severity.SEV1)
            .at(10, (state, now) -> state.advance(RESOLVED, new Transition("alice", ""), now))
            .at(12, (state, now) -> state.changeSeverity(to(Severity.SEV3), now));

    assertThat(driver.effects(Effect.OpenTicket.class)).isEmpty();
  }

  @Test
  void withoutAProjectTheChannelHearsThatNoTicketWasOpened() {
    StateDriver driver = StateDriver.declared(Severity.SEV3);
    driver.state.ticketsTo(new IncidentState.TicketDesk(null, null));
    driver.advanceTo(60);

    assertThat(driver.effects(Effect.OpenTicket.class)).isEmpty();
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .containsExactly(
            "SEV3 pages nobody and the catalog names no Jira project for checkout (nor a default),"
                + " so no ticket was opened for the owning team");
  }

  @Test
  void anOpenedTicketGoesOnTheTimelineAndInTheChannel() {
    StateDriver driver = withTickets(Severity.SEV3).advanceTo(0);
    driver.state.ticketOpened(
        "PAY-118", "https://jira.example.com/browse/PAY-118", "PAY", StateDriver.minute(0.5));
    driver.perform();

    String said =
        "Ticket PAY-118 opened in PAY for the payments team: https://jira.example.com/browse/PAY-118";
    assertThat(driver.events(TimelineEventType.TICKET_CREATED))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.text()).isEqualTo(said);
              assertThat(event.at()).isEqualTo(StateDriver.minute(0.5));
              assertThat(event.data())
                  .containsEntry("key", "PAY-118")
                  .containsEntry("url", "https://jira.example.com/browse/PAY-118")
                  .containsEntry("project", "PAY");
            });
    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .containsExactly(said);
    assertThat(driver.state.ticket()).contains("PAY-118");
  }

  @Test
  void theTicketHearsHowTheIncidentEnded() {
    StateDriver driver = withTickets(Severity.SEV3).advanceTo(0);
    driver.state.ticketOpened("PAY-118", "https://jira.example.com/browse/PAY-118", "PAY", START);
    driver.at(
        42,
        (state, now) -> state.advance(RESOLVED, new Transition("alice", "restarted [db]"), now));

    assertThat(driver.effects(Effect.CommentOnTicket.class))
        .containsExactly(
            new Effect.CommentOnTicket(
                "PAY-118",
                "INC-1 was resolved by alice at 2025-03-03 10:42:00 UTC, 42m after it started."
                    + " restarted \\[db\\]"));
  }

  @Test
  void anIncidentThatEndsBeforeItsTicketIsOpenTellsTheTicketOnceItIs() {
    StateDriver driver =
        withTickets(Severity.SEV4)
            .at(1, (state, now) -> state.advance(CANCELED, new Transition("bob", ""), now));
    assertThat(driver.effects(Effect.CommentOnTicket.class)).isEmpty();

    driver.state.ticketOpened(
        "PAY-119", "https://jira.example.com/browse/PAY-119", "PAY", StateDriver.minute(2));
    driver.perform();

    assertThat(driver.effects(Effect.CommentOnTicket.class))
        .containsExactly(
            new Effect.CommentOnTicket(
                "PAY-119",
                "INC-1 was canceled as a false alarm by bob at 2025-03-03 10:01:00 UTC, 1m after"
                    + " it started."));
  }

  @Test
  void aTicketHearsThatItsIncidentPagesNowWhenRaisedBeforeOrAfterItOpened() {
    StateDriver before = withTickets(Severity.SEV3).advanceTo(0);
    before.state.followSeverityWhileOpening();
    before.at(1, (state, now) -> state.changeSeverity(to(Severity.SEV1), now));
    assertThat(before.effects(Effect.CommentOnTicket.class)).isEmpty();
    before.state.ticketOpened(
        "PAY-118", "https://jira.example.com/browse/PAY-118", "PAY", StateDriver.minute(2));
    before.perform();

    StateDriver after = withTickets(Severity.SEV4).advanceTo(0);
    after.state.followSeverityWhileOpening();
    after.state.ticketOpened("PAY-119", "https://jira.example.com/browse/PAY-119", "PAY", START);
    after
        .at(3, (state, now) -> state.changeSeverity(to(Severity.SEV3), now))
        .at(4, (state, now) -> state.changeSeverity(to(Severity.SEV2), now));

    assertThat(before.effects(Effect.CommentOnTicket.class))
        .containsExactly(
            new Effect.CommentOnTicket(
                "PAY-118",
                "INC-1 was raised to SEV1 before this ticket was opened, and pages its on-call: it"
                    + " is handled as a paging incident."));
    // SEV4 to SEV3 still pages nobody: only the raise to SEV2 is told.
    assertThat(after.effects(Effect.CommentOnTicket.class))
        .extracting(Effect.CommentOnTicket::text)
        .containsExactly(
            "INC-1 was raised to SEV2 at 2025-03-03 10:04:00 UTC and pages its on-call: it is"
                + " handled as a paging incident from now on.");
  }

  @Test
  void aResolvedIncidentRaisedToAPagingSeverityTellsItsTicketThatNobodyIsPagedYet() {
    StateDriver driver = withTickets(Severity.SEV3).advanceTo(0);
    driver.state.followSeverityWhileOpening();
    driver.state.ticketOpened("PAY-118", "https://jira.example.com/browse/PAY-118", "PAY", START);
    driver
        .at(10, (state, now) -> state.advance(RESOLVED, new Transition("alice", ""), now))
        .at(12, (state, now) -> state.changeSeverity(to(Severity.SEV1), now));

    assertThat(driver.effects(Effect.CommentOnTicket.class))
        .extracting(Effect.CommentOnTicket::text)
        .containsExactly(
            "INC-1 was resolved by alice at 2025-03-03 10:10:00 UTC, 10m after it started.",
            "INC-1 was raised to SEV1 at 2025-03-03 10:12:00 UTC while resolved: nobody is"
                + " paged.");
    assertThat(driver.stepsRun()).isEmpty();
  }

  @Test
  void withoutTheRuleATicketHearsNothingOfARaise() {
    StateDriver driver = withTickets(Severity.SEV3).advanceTo(0);
    driver.state.ticketOpened("PAY-118", "https://jira.example.com/browse/PAY-118", "PAY", START);
    driver.at(1, (state, now) -> state.changeSeverity(to(Severity.SEV1), now));

    assertThat(driver.effects(Effect.CommentOnTicket.class)).isEmpty();
  }

  @Test
  void aReopenedIncidentTellsItsTicket() {
    StateDriver driver = withTickets(Severity.SEV3).advanceTo(0);
    driver.state.ticketOpened("PAY-118", "https://jira.example.com/browse/PAY-118", "PAY", START);
    driver
        .at(10, (state, now) -> state.advance(RESOLVED, new Transition("alice", ""), now))
        .at(12, (state, now) -> state.reopen(new Transition("bob", "errors are back"), now));

    assertThat(driver.effects(Effect.CommentOnTicket.class))
        .extracting(Effect.CommentOnTicket::text)
        .containsExactly(
            "INC-1 was resolved by alice at 2025-03-03 10:10:00 UTC, 10m after it started.",
            "INC-1 was reopened by bob at 2025-03-03 10:12:00 UTC: errors are back");
    assertThat(driver.effects(Effect.OpenTicket.class)).hasSize(1);
  }

  @Test
  void anIncidentLoweredWhileResolvedAsksForItsTicketWhenReopened() {
    StateDriver driver =
        withTickets(Severity.SEV1)
            .at(10, (state, now) -> state.advance(RESOLVED, new Transition("alice", ""), now))
            .at(12, (state, now) -> state.changeSeverity(to(Severity.SEV3), now))
            .at(14, (state, now) -> state.reopen(new Transition("bob", ""), now));

    assertThat(driver.timesOf(Effect.OpenTicket.class)).containsExactly("14m");
  }

  @Test
  void anIncidentWithoutATicketCommentsOnNothing() {
    StateDriver driver =
        withTickets(Severity.SEV1)
            .at(5, (state, now) -> state.advance(RESOLVED, new Transition("alice", ""), now));

    assertThat(driver.effects(Effect.CommentOnTicket.class)).isEmpty();
  }

  @Test
  void aRefusedTicketIsToldInTheChannelWithJirasReason() {
    StateDriver driver = withTickets(Severity.SEV4).advanceTo(0);
    driver.state.ticketRefused(
        "PAY", "Jira rejected the issue (HTTP 400): project: no such project");
    driver.perform();

    assertThat(driver.effects(Effect.PostInChannel.class))
        .extracting(Effect.PostInChannel::text)
        .containsExactly(
            "Jira refused the ticket in PAY, so the owning team has none from IncidentFlow: Jira"
                + " rejected the issue (HTTP 400): project: no such project");
    assertThat(driver.state.ticket()).isEmpty();
  }

  @Test
  void aBlankProjectIsNoProject() {
    StateDriver driver = StateDriver.declared(Severity.SEV3);
    driver.state.ticketsTo(new IncidentState.TicketDesk(" ", "payments"));
    driver.advanceTo(1);

    assertThat(driver.effects(Effect.OpenTicket.class)).isEmpty();
    assertThat(driver.effects(Effect.PostInChannel.class)).hasSize(1);
  }

  @Test
  void whereTicketsGoIsCarriedAcrossContinueAsNew() {
    IncidentState carried = carriedAcrossContinueAsNew(withTickets(Severity.SEV1).advanceTo(1));
    carried.takeEffects();
    carried.changeSeverity(to(Severity.SEV3), StateDriver.minute(2));

    assertThat(carried.takeEffects())
        .filteredOn(Effect.OpenTicket.class::isInstance)
        .containsExactly(new Effect.OpenTicket("PAY", "payments"));
  }

  @Test
  void theTicketAskedForIsCarriedAcrossContinueAsNew() {
    IncidentState carried = carriedAcrossContinueAsNew(withTickets(Severity.SEV3).advanceTo(1));
    carried.changeSeverity(to(Severity.SEV1), StateDriver.minute(2));
    carried.changeSeverity(to(Severity.SEV4), StateDriver.minute(3));

    assertThat(carried.takeEffects()).noneMatch(Effect.OpenTicket.class::isInstance);
  }

  @Test
  void theIssueNamesTheIncidentTheTeamAndTheChannelInWikiTextSafeFromMarkup() {
    StateDriver driver = StateDriver.declared(Severity.SEV3);
    driver.state.addLinks(List.of("https://runbooks.example.com/checkout"));

    NewTrackerIssue issue =
        IncidentTicket.issue(
            driver.state, new Effect.OpenTicket("PAY", "payments"), driver.state.channelName());

    assertThat(issue.kind()).isEqualTo(IssueKind.INCIDENT);
    assertThat(issue.project()).isEqualTo("PAY");
    assertThat(issue.summary()).isEqualTo("INC-1 (SEV3, checkout): Checkout error budget burn");
    assertThat(issue.labels())
        .containsExactly("incidentflow", "incident", "inc-1", "sev3", "incidentflow-ticket-run-1");
    assertThat(issue.idempotencyLabel()).isEqualTo("incidentflow-ticket-run-1");
    assertThat(issue.assignee()).isNull();
    assertThat(issue.dueDate()).isNull();
    assertThat(issue.description())
        .contains("INC-1 (SEV3) on *checkout*: Checkout error budget burn")
        .contains("Started 2025-03-03 10:00:00 UTC, raised by an alert from alertmanager.")
        .contains("Status when this ticket was opened: triggered.")
        .contains("Incident commander: alice. Channel: #inc-1-sev3-checkout-error-budget-burn.")
        .contains("h2. Description\n5xx ratio 3.2%")
        .contains("* https://runbooks.example.com/checkout")
        .contains("SEV3 pages nobody, so IncidentFlow opened this ticket for the payments team");
  }

  @Test
  void theIssueEscapesWikiMarkupInWhatPeopleWrote() {
    IncidentInput input =
        TestIncidents.declared(
            "Refunds [stuck] | see {code}", Severity.SEV4, "refunds", "bob", null);
    IncidentState state =
        IncidentState.declare(
            input, "declared-1", "run-7", TestPolicies.defaults(), StateDriver.START);
    state.numbered(7);

    String description =
        IncidentTicket.description(state, new Effect.OpenTicket("OPS", null), null);

    assertThat(description)
        .contains("Refunds \\[stuck\\] \\| see \\{code\\}")
        .contains(", declared by bob.")
        .contains("Incident commander: unassigned.")
        .contains("opened this ticket for the owning team instead")
        .doesNotContain("h2. Description")
        .doesNotContain("h2. Links");
  }
}
