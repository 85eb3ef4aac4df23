package dev.incidentflow.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The 202 answer to an alert delivery.
 *
 * @param outcome {@code fired} (started or attached), {@code resolved} (noted on the running
 *     incident) or {@code ignored} (resolved with no running incident)
 * @param warnings what in the delivery was left out to take the rest (an alert's severity label the
 *     policy does not know beside one it knows); absent when nothing was
 */
public record AcceptedAlert(
    String workflowId,
    String outcome,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

  public AcceptedAlert {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
