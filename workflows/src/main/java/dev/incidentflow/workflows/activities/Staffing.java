package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.policy.EscalationStep;
import dev.incidentflow.workflows.policy.Policy;
import java.util.List;
import java.util.Map;

/**
 * Who responds to a new incident, and whom its first escalation step pages, from one lookup: the
 * first page of an incident need not wait for a second round trip to the catalog.
 *
 * @param firstPage the query the incident's first escalation step resolves its targets with, as the
 *     incident workflow makes it when the step is due at the start: the commander is the incident's
 *     only role. Null when the severity does not page or the query named none.
 * @param firstPageTargets what {@code firstPage} resolved to; null with it
 */
public record Staffing(
    Responders responders, TargetQuery firstPage, ResolvedTargets firstPageTargets) {

  public Staffing {
    requireNonNull(responders, "responders is null");
    if ((firstPage == null) != (firstPageTargets == null)) {
      throw new IllegalArgumentException("firstPage and firstPageTargets go together");
    }
  }

  /**
   * Staffs the incident {@code query} describes through {@code directory}'s own lookups (called
   * directly, not as activities), under {@code policy}.
   */
  public static Staffing lookUp(
      DirectoryActivities directory, Policy policy, ResponderQuery query) {
    Responders responders = directory.responders(query);
    List<EscalationStep> chain =
        query.severity() == null ? List.of() : policy.row(query.severity()).pagingChain();
    if (chain.isEmpty()) {
      return new Staffing(responders, null, null);
    }
    Map<String, String> roles =
        responders.commander() == null
            ? Map.of()
            : Map.of("commander", responders.commander().handle());
    TargetQuery firstPage =
        new TargetQuery(query.service(), chain.get(0).targets(), query.at(), roles);
    return new Staffing(responders, firstPage, directory.resolveTargets(firstPage));
  }
}
