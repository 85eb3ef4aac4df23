package dev.incidentflow.api.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A declaration as {@code POST /v1/incidents} and {@code GET /v1/declarations/{workflowId}} show it
 * before or instead of its incident.
 *
 * @param status {@code starting} while its workflow opens the incident, {@code opened} once the
 *     incident has its number
 * @param incidentId the incident it opened ({@code INC-<n>}), once it has one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeclarationJson(String workflowId, String status, String incidentId) {
  public DeclarationJson {
    requireNonNull(workflowId, "workflowId is null");
    requireNonNull(status, "status is null");
  }

  public static DeclarationJson starting(String workflowId) {
    return new DeclarationJson(workflowId, "starting", null);
  }

  public static DeclarationJson opened(String workflowId, String incidentId) {
    return new DeclarationJson(
        workflowId, "opened", requireNonNull(incidentId, "incidentId is null"));
  }
}
