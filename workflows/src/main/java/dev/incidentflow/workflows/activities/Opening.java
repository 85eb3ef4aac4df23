package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.incidentflow.workflows.policy.Policy;
import java.util.List;

/**
 * What {@link OpeningActivities#openIncident} found and did.
 *
 * @param policy the policy in force, as {@link DirectoryActivities#currentPolicy} answers it
 * @param paged the first page's events that PagerDuty accepted, in the order they were sent; empty
 *     when the severity pages nobody or the attempt failed
 * @param firstPageKey the dedup key of step 0's page when an earlier attempt paged before the
 *     incident had a number (the database was down), for the workflow to page under from then on;
 *     null (and left out of the payload, which workers without it can then read) otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Opening(
    Policy policy,
    IncidentNumber number,
    Staffing staffing,
    List<PagerEvent> paged,
    @JsonInclude(JsonInclude.Include.NON_NULL) String firstPageKey) {

  public Opening {
    requireNonNull(policy, "policy is null");
    requireNonNull(number, "number is null");
    requireNonNull(staffing, "staffing is null");
    paged = paged == null ? List.of() : List.copyOf(paged);
  }
}
