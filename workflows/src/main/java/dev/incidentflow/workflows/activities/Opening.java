package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.policy.Policy;
import java.util.List;

/**
 * What {@link OpeningActivities#openIncident} found and did.
 *
 * @param policy the policy in force, as {@link DirectoryActivities#currentPolicy} answers it
 * @param paged the first page's events that PagerDuty accepted, in the order they were sent; empty
 *     when the severity pages nobody or the attempt failed
 */
public record Opening(
    Policy policy, IncidentNumber number, Staffing staffing, List<PagerEvent> paged) {

  public Opening {
    requireNonNull(policy, "policy is null");
    requireNonNull(number, "number is null");
    requireNonNull(staffing, "staffing is null");
    paged = paged == null ? List.of() : List.copyOf(paged);
  }
}
