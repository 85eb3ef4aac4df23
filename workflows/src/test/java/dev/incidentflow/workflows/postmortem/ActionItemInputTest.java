package dev.incidentflow.workflows.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.activities.TrackerStatus;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.policy.ActionItemPolicy;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How an action item's input travels through Temporal. */
class ActionItemInputTest {
  private static final ActionItemInput ADDED =
      new ActionItemInput(
          7,
          "checkout",
          "Add a burn-rate alert for the checkout canary",
          "bob",
          LocalDate.parse("2026-12-08"),
          ActionItemKind.IMPROVEMENT,
          "alice",
          ActionItemPolicy.defaults(),
          0,
          null);

  @Test
  void anInputWithoutAReopeningLeavesItOutSoAWorkerThatDoesNotKnowTheFieldReadsIt() {
    assertThat(json(ADDED)).doesNotContain("reopening");
    assertThat(json(ADDED.reopened())).doesNotContain("reopening");
  }

  @Test
  void theReopeningTravelsWithTheNextRoundsInputAndBack() {
    TrackerStatus status =
        new TrackerStatus(
            "PAY-1", "In Progress", false, Instant.parse("2026-12-05T10:00:00Z"), "Bob Stone");
    ActionItemInput reopened = ADDED.reopened(status);

    Payload payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(reopened).orElseThrow();
    ActionItemInput read =
        DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
            payload, ActionItemInput.class, ActionItemInput.class);

    assertThat(read).isEqualTo(reopened);
    assertThat(read.round()).isEqualTo(1);
    assertThat(read.reopening()).isEqualTo(status);
  }

  private static String json(ActionItemInput input) {
    return DefaultDataConverter.STANDARD_INSTANCE
        .toPayload(input)
        .orElseThrow()
        .getData()
        .toString(StandardCharsets.UTF_8);
  }
}
