package dev.incidentflow.workflows.policy;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.IncidentStatus;
import java.time.Duration;
import java.util.List;

/**
 * One step of an escalation chain.
 *
 * @param after when the step is due, counted from the incident's start
 * @param unless the status whose having been reached skips the step, or null to always run it
 * @param targets whom to notify, in their policy form ({@code oncall:primary}, ...); policy.yml
 *     calls this {@code notify}
 */
public record EscalationStep(Duration after, IncidentStatus unless, List<String> targets) {

  public EscalationStep {
    requireNonNull(after, "after is null");
    if (after.isNegative()) {
      throw new IllegalArgumentException("after must not be negative: " + after);
    }
    targets = List.copyOf(requireNonNull(targets, "targets is null"));
    targets.forEach(NotifyTarget::parse);
  }
}
