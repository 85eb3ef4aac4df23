package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.incident.IncidentInput;
import dev.incidentflow.workflows.incident.IncidentState;
import dev.incidentflow.workflows.incident.TestIncidents;
import dev.incidentflow.workflows.incident.Transition;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.ActionItemPolicy;
import dev.incidentflow.workflows.policy.Policy;
import dev.incidentflow.workflows.policy.PostmortemPolicy;
import dev.incidentflow.workflows.policy.SeverityPolicy;
import dev.incidentflow.workflows.policy.StatusUpdatePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Incidents as the incident workflow leaves them at close, built with {@link IncidentState}'s own
 * rules: SEV1 and SEV2 require a postmortem (due 24h and 48h after resolution), SEV3 does not.
 */
final class ClosedIncidents {
  private ClosedIncidents() {}

  static Policy policy() {
    Map<Severity, SeverityPolicy> rows = new EnumMap<>(Severity.class);
    rows.put(Severity.SEV1, row(true, Duration.ofHours(24)));
    rows.put(Severity.SEV2, row(true, Duration.ofHours(48)));
    rows.put(Severity.SEV3, row(false, null));
    rows.put(Severity.SEV4, row(false, null));
    return new Policy(rows, ActionItemPolicy.defaults());
  }

  /**
   * Declared at {@code at}, acknowledged 5 minutes later, resolved after an hour, closed 30 minutes
   * later.
   */
  static IncidentState closed(Severity severity, Instant at) {
    IncidentState state = declared(severity, "alice", at);
    state.advance(
        IncidentStatus.ACKNOWLEDGED, new Transition("alice", ""), at.plus(Duration.ofMinutes(5)));
    state.advance(
        IncidentStatus.RESOLVED,
        new Transition("alice", "rolled back"),
        at.plus(Duration.ofHours(1)));
    state.close(at.plus(Duration.ofMinutes(90)));
    state.takeEffects();
    return state;
  }

  /**
   * Declared at {@code at} as INC-7 and staffed with {@code commander}, or with nobody when it is
   * null (a service without an on-call rotation).
   */
  static IncidentState declared(Severity severity, String commander, Instant at) {
    IncidentInput input = TestIncidents.alert("group-1", severity);
    IncidentState state =
        IncidentState.declare(input, "alertmanager-group-1", "first-run-7", policy(), at);
    state.numbered(7);
    state.staffed(commander, "incidents");
    return state;
  }

  private static SeverityPolicy row(boolean postmortem, Duration due) {
    return new SeverityPolicy(
        "",
        List.of(),
        false,
        new StatusUpdatePolicy(null, null),
        Duration.ofMinutes(30),
        List.of(),
        new PostmortemPolicy(postmortem, due));
  }
}
