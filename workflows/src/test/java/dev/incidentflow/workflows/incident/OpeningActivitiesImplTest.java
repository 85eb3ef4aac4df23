package dev.incidentflow.workflows.incident;

import static dev.incidentflow.workflows.policy.TestPolicies.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.NewIncident;
import dev.incidentflow.workflows.activities.Opening;
import dev.incidentflow.workflows.activities.PagerEvent;
import dev.incidentflow.workflows.activities.PagingActivities;
import dev.incidentflow.workflows.activities.ResponderQuery;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.SeverityPolicy;
import dev.incidentflow.workflows.policy.TestPolicies;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpeningActivitiesImplTest {
  private static final Instant AT = Instant.parse("2026-12-04T03:00:00Z");
  private static final Duration RECORD_WAIT = Duration.ofMillis(300);

  private final FakeDirectory directory = new FakeDirectory(TestPolicies.defaults());
  private final FakeStore store = new FakeStore();
  private final FakePaging paging = new FakePaging();
  private final FakeAttempts attempts = new FakeAttempts();

  @Test
  void recordsStaffsAndSendsTheFirstPageAsTheEscalationStepWould() {
    Opening opening = opener(paging).openIncident(incident(Severity.SEV1), query(Severity.SEV1));

    assertThat(opening.number()).isEqualTo(new IncidentNumber(1));
    assertThat(opening.policy()).isEqualTo(TestPolicies.defaults());
    assertThat(opening.staffing().responders().commander().handle()).isEqualTo("alice");
    assertThat(opening.paged()).containsExactlyElementsOf(paging.events);
    assertThat(opening.paged())
        .singleElement()
        .isEqualTo(
            new PagerEvent(
                PagerEvent.Action.TRIGGER,
                null,
                "incidentflow-INC-1-step-0",
                "[SEV1] INC-1 checkout: Checkout error budget burn",
                "incidentflow",
                "critical",
                "checkout",
                Map.of(
                    "incident",
                    "INC-1",
                    "level",
                    "0",
                    "channel",
                    "inc-1-sev1-checkout-error-budget-burn")));
  }

  @Test
  void aRetriedOpeningKeepsTheNumberAndSendsTheSameEvent() {
    OpeningActivitiesImpl opener = opener(paging);
    Opening first = opener.openIncident(incident(Severity.SEV1), query(Severity.SEV1));
    Opening again = opener.openIncident(incident(Severity.SEV1), query(Severity.SEV1));

    assertThat(again.number()).isEqualTo(first.number());
    assertThat(store.incidentCount()).isEqualTo(1);
    assertThat(paging.events).hasSize(2).containsOnly(first.paged().get(0));
  }

  @Test
  void aSeverityThatPagesNobodySendsNothing() {
    Opening opening = opener(paging).openIncident(incident(Severity.SEV3), query(Severity.SEV3));

    assertThat(opening.paged()).isEmpty();
    assertThat(paging.events).isEmpty();
    assertThat(opening.number()).isEqualTo(new IncidentNumber(1));
  }

  @Test
  void aFirstStepThatIsNotDueAtTheStartIsLeftToItsTimer() {
    SeverityPolicy sev2 = TestPolicies.defaults().row(Severity.SEV2);
    directory.setPolicy(
        TestPolicies.withRow(
            Severity.SEV2,
            new SeverityPolicy(
                sev2.description(),
                sev2.aliases(),
                true,
                sev2.statusUpdates(),
                sev2.monitoringWindow(),
                List.of(step(2, null, "oncall:primary")),
                sev2.postmortem())));

    Opening opening = opener(paging).openIncident(incident(Severity.SEV2), query(Severity.SEV2));

    assertThat(opening.paged()).isEmpty();
    assertThat(paging.events).isEmpty();
  }

  @Test
  void aFailedPageIsLeftForTheWorkflowToSend() {
    paging.down = true;

    Opening opening = opener(paging).openIncident(incident(Severity.SEV1), query(Severity.SEV1));

    assertThat(opening.paged()).isEmpty();
    assertThat(opening.number()).isEqualTo(new IncidentNumber(1));
  }

  @Test
  void aPageThatHangsIsGivenUpAfterTheAttemptAndItsSenderInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    PagingActivities hanging =
        event -> {
          try {
            Thread.sleep(Duration.ofMinutes(1).toMillis());
          } catch (InterruptedException e) {
            interrupted.countDown();
            Thread.currentThread().interrupt();
          }
        };

    long started = System.nanoTime();
    Opening opening =
        opener(hanging, Duration.ofMillis(200))
            .openIncident(incident(Severity.SEV1), query(Severity.SEV1));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(opening.paged()).isEmpty();
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aFailingRecordStillPagesWithoutTheNumberThenFails() {
    store.down = true;

    assertThatThrownBy(
            () -> opener(paging).openIncident(incident(Severity.SEV1), query(Severity.SEV1)))
        .hasMessageContaining("connection refused");
    assertThat(attempts.pagedUnnumbered()).contains("incidentflow-run-run-1-step-0");
    assertThat(paging.events)
        .singleElement()
        .isEqualTo(
            new PagerEvent(
                PagerEvent.Action.TRIGGER,
                null,
                "incidentflow-run-run-1-step-0",
                "[SEV1] checkout: Checkout error budget burn",
                "incidentflow",
                "critical",
                "checkout",
                Map.of("incident", "", "level", "0", "channel", "")));
  }

  @Test
  void aRecordThatHangsIsGivenUpAndTheIncidentPagedWithoutItsNumber() {
    CountDownLatch released = new CountDownLatch(1);
    store.recordsHeld = released;
    OpeningActivitiesImpl opener = opener(paging);

    try {
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () ->
              assertThatThrownBy(
                      () -> opener.openIncident(incident(Severity.SEV1), query(Severity.SEV1)))
                  .hasMessageContaining("took over"));
    } finally {
      released.countDown();
    }

    assertThat(paging.triggeredKeys()).containsExactly("incidentflow-run-run-1-step-0");
    assertThat(attempts.pagedUnnumbered()).contains("incidentflow-run-run-1-step-0");
  }

  @Test
  void aFailingRecordOfAnIncidentThatPagesNobodyRemembersNoKey() {
    store.down = true;

    assertThatThrownBy(
        () -> opener(paging).openIncident(incident(Severity.SEV3), query(Severity.SEV3)));
    assertThat(paging.events).isEmpty();
    assertThat(attempts.pagedUnnumbered()).isEmpty();
  }

  @Test
  void theAttemptThatRecordsItPagesUnderTheKeyAnEarlierAttemptPagedUnder() {
    store.down = true;
    OpeningActivitiesImpl opener = opener(paging);
    assertThatThrownBy(() -> opener.openIncident(incident(Severity.SEV1), query(Severity.SEV1)));
    assertThatThrownBy(() -> opener.openIncident(incident(Severity.SEV1), query(Severity.SEV1)));
    store.down = false;

    Opening opening = opener.openIncident(incident(Severity.SEV1), query(Severity.SEV1));

    assertThat(opening.number()).isEqualTo(new IncidentNumber(1));
    assertThat(opening.firstPageKey()).isEqualTo("incidentflow-run-run-1-step-0");
    assertThat(paging.events)
        .hasSize(3)
        .extracting(PagerEvent::dedupKey)
        .containsOnly("incidentflow-run-run-1-step-0");
    assertThat(opening.paged())
        .singleElement()
        .extracting(PagerEvent::summary)
        .isEqualTo("[SEV1] INC-1 checkout: Checkout error budget burn");
  }

  @Test
  void anOpeningRecordedAtOnceHasNoKeyOfItsOwnAndSaysNothingOfOne() {
    Opening opening = opener(paging).openIncident(incident(Severity.SEV1), query(Severity.SEV1));

    assertThat(opening.firstPageKey()).isNull();
    assertThat(attempts.pagedUnnumbered()).isEmpty();
    // Left out of the payload, so that a worker that does not know the field reads it.
    assertThat(
            DefaultDataConverter.STANDARD_INSTANCE
                .toPayload(opening)
                .orElseThrow()
                .getData()
                .toStringUtf8())
        .contains("\"paged\"")
        .doesNotContain("firstPageKey");
  }

  private OpeningActivitiesImpl opener(PagingActivities pager) {
    return opener(pager, OpeningActivitiesImpl.FIRST_PAGE_ATTEMPT);
  }

  private OpeningActivitiesImpl opener(PagingActivities pager, Duration attempt) {
    return new OpeningActivitiesImpl(directory, store, pager, attempt, RECORD_WAIT, attempts);
  }

  /** The heartbeat Temporal keeps across an activity's attempts. */
  private static final class FakeAttempts implements OpeningActivitiesImpl.Attempts {
    private volatile String pagedUnnumbered;

    @Override
    public Optional<String> pagedUnnumbered() {
      return Optional.ofNullable(pagedUnnumbered);
    }

    @Override
    public void rememberPagedUnnumbered(String dedupKey) {
      pagedUnnumbered = dedupKey;
    }
  }

  private static NewIncident incident(Severity severity) {
    return new NewIncident(
        "alertmanager-group-a",
        "run-1",
        "Checkout error budget burn",
        "5xx ratio 3.2%",
        severity,
        "checkout",
        "alertmanager",
        "group-a",
        "system",
        AT);
  }

  private static ResponderQuery query(Severity severity) {
    return new ResponderQuery("checkout", AT, null, severity);
  }
}
