package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.errors.ApiException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;

/** The workflow said no: {@code conflict} (409) when the state forbids it, else invalid (422). */
public final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean conflict;

  public Refusal(String message, boolean conflict) {
    super(requireNonNull(message, "message is null"), null, false, false);
    this.conflict = conflict;
  }

  public boolean isConflict() {
    return conflict;
  }

  /** The answer over HTTP: 409 for a conflict, else 422, with the workflow's reason. */
  public ApiException toApiException() {
    return new ApiException(conflict ? 409 : 422, getMessage(), List.of());
  }

  /**
   * The failure type Temporal gives an Update whose workflow completed before the Update did (the
   * incident closed while a change was on its way).
   */
  static final String WORKFLOW_COMPLETED_FIRST = "AcceptedUpdateCompletedWorkflow";

  /**
   * What a workflow's refusal of an Update says: the validator's or handler's reason, a conflict
   * unless it was {@link IllegalArgumentException} (invalid); {@code ended} (a conflict) when the
   * workflow completed before the Update did.
   *
   * @throws WorkflowUpdateException {@code refused} itself when no workflow reason is in it
   */
  static Refusal of(WorkflowUpdateException refused, String ended) {
    Throwable cause = refused.getCause();
    while (cause != null && !(cause instanceof ApplicationFailure)) {
      cause = cause.getCause();
    }
    if (!(cause instanceof ApplicationFailure failure)) {
      throw refused;
    }
    if (WORKFLOW_COMPLETED_FIRST.equals(failure.getType())) {
      return new Refusal(ended, true);
    }
    boolean invalid = IllegalArgumentException.class.getName().equals(failure.getType());
    return new Refusal(failure.getOriginalMessage(), !invalid);
  }
}
