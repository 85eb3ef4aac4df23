package dev.incidentflow.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import org.junit.jupiter.api.Test;

/** How a workflow's refusal of an Update reads to the caller. */
class RefusalTest {
  private static final String ENDED = "INC-1 has ended; its workflow no longer takes changes";

  @Test
  void theWorkflowsReasonIsAConflictUnlessTheRequestWasInvalid() {
    Refusal conflict =
        refusalOf("INC-1 is already resolved", IllegalStateException.class.getName());
    Refusal invalid =
        refusalOf("severity must be SEV1 to SEV4", IllegalArgumentException.class.getName());

    assertThat(conflict.getMessage()).isEqualTo("INC-1 is already resolved");
    assertThat(conflict.isConflict()).isTrue();
    assertThat(invalid.getMessage()).isEqualTo("severity must be SEV1 to SEV4");
    assertThat(invalid.isConflict()).isFalse();
  }

  @Test
  void anUpdateTheWorkflowCompletedBeforeSaysTheIncidentEndedNotTemporalsWords() {
    Refusal refusal =
        refusalOf(
            "Workflow Update failed because the Workflow completed before the Update completed.",
            Refusal.WORKFLOW_COMPLETED_FIRST);

    assertThat(refusal.getMessage()).isEqualTo(ENDED);
    assertThat(refusal.isConflict()).isTrue();
  }

  @Test
  void aFailureWithNoReasonOfTheWorkflowsIsNotARefusal() {
    WorkflowUpdateException timedOut =
        refused(new TimeoutFailure("timed out", null, TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE));

    assertThatThrownBy(() -> Refusal.of(timedOut, ENDED)).isSameAs(timedOut);
  }

  /** How an Update the workflow failed with {@code message} of {@code type} reads. */
  private static Refusal refusalOf(String message, String type) {
    return Refusal.of(refused(ApplicationFailure.newNonRetryableFailure(message, type)), ENDED);
  }

  private static WorkflowUpdateException refused(Throwable cause) {
    return new WorkflowUpdateException(
        WorkflowExecution.newBuilder().setWorkflowId("alert-a").setRunId("run").build(),
        "update-1",
        "acknowledge",
        cause);
  }
}
