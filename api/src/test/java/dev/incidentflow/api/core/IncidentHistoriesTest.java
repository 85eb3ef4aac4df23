package dev.incidentflow.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionContinuedAsNewEventAttributes;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentHistoriesTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  @Test
  void aRunThatContinuedAsNewWithTheIncidentsStateCarriesItOn() {
    Map<String, Object> input = new HashMap<>();
    input.put("title", "Checkout down");
    input.put("carried", Map.of("number", 7));

    assertThat(IncidentHistories.carriedOnAs(continuedAsNew("run-2", input), CONVERTER))
        .contains("run-2");
  }

  @Test
  void aRunThatContinuedAsNewWithoutStateStartedTheGroupsNextIncident() {
    Map<String, Object> input = new HashMap<>();
    input.put("title", "Checkout down");
    input.put("carried", null);

    assertThat(IncidentHistories.carriedOnAs(continuedAsNew("run-2", input), CONVERTER)).isEmpty();
    assertThat(
            IncidentHistories.carriedOnAs(
                continuedAsNew("run-2", Map.of("title", "Checkout down")), CONVERTER))
        .isEmpty();
  }

  @Test
  void aRunThatCompletedIsTheLast() {
    HistoryEvent completed =
        HistoryEvent.newBuilder()
            .setEventType(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)
            .build();

    assertThat(IncidentHistories.carriedOnAs(completed, CONVERTER)).isEmpty();
  }

  private static HistoryEvent continuedAsNew(String runId, Map<String, Object> input) {
    return HistoryEvent.newBuilder()
        .setEventType(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW)
        .setWorkflowExecutionContinuedAsNewEventAttributes(
            WorkflowExecutionContinuedAsNewEventAttributes.newBuilder()
                .setNewExecutionRunId(runId)
                .setInput(CONVERTER.toPayloads(input).orElseThrow()))
        .build();
  }
}
