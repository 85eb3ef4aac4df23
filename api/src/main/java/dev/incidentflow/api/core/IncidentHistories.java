package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentflow.activities.store.IncidentRecord;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionContinuedAsNewEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import java.util.Optional;

/**
 * The Temporal history of an incident's own latest run. An alert group's incidents share one
 * workflow id, so the latest run of the id may be the group's next incident.
 */
public final class IncidentHistories {
  private final WorkflowClient client;

  public IncidentHistories(WorkflowClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  /**
   * The history of the incident's latest run. For a running incident that is the workflow's latest
   * run. An ended one's runs are followed from the one it began in, through each continue-as-new
   * that carried it on, to its last: the run that completed, or that continued as the group's next
   * incident (a continue-as-new that carries no state, as a late alert's does).
   */
  public WorkflowExecutionHistory latestRun(IncidentRecord incident) {
    if (!incident.status().isTerminal()) {
      return client.fetchHistory(incident.workflowId());
    }
    DataConverter converter = client.getOptions().getDataConverter();
    WorkflowExecutionHistory history =
        client.fetchHistory(incident.workflowId(), incident.firstRunId());
    Optional<String> next;
    while ((next = carriedOnAs(history.getLastEvent(), converter)).isPresent()) {
      history = client.fetchHistory(incident.workflowId(), next.get());
    }
    return history;
  }

  /**
   * The run that carries the same incident on after {@code last}, the last event of a run: empty
   * unless the run continued as new with the incident's state in its input.
   */
  static Optional<String> carriedOnAs(HistoryEvent last, DataConverter converter) {
    if (!last.hasWorkflowExecutionContinuedAsNewEventAttributes()) {
      return Optional.empty();
    }
    WorkflowExecutionContinuedAsNewEventAttributes continued =
        last.getWorkflowExecutionContinuedAsNewEventAttributes();
    JsonNode input =
        converter.fromPayloads(
            0, Optional.of(continued.getInput()), JsonNode.class, JsonNode.class);
    JsonNode carried = input == null ? null : input.get("carried");
    return carried == null || carried.isNull()
        ? Optional.empty()
        : Optional.of(continued.getNewExecutionRunId());
  }
}
