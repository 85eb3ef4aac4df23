package dev.incidentflow.workflows.policy;

import static dev.incidentflow.workflows.model.IncidentStatus.ACKNOWLEDGED;
import static dev.incidentflow.workflows.model.IncidentStatus.IDENTIFIED;
import static dev.incidentflow.workflows.model.IncidentStatus.RESOLVED;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped default policy (config/policy.yml), written out for tests of the core alone. Public
 * because the policy and incident tests share it; keep it in step with config/policy.yml.
 */
public final class TestPolicies {
  private TestPolicies() {}

  public static Policy defaults() {
    return new Policy(
        Map.of(
            Severity.SEV1,
            new SeverityPolicy(
                "All users down or core functionality unavailable",
                List.of("P1", "critical"),
                true,
                new StatusUpdatePolicy(Duration.ofMinutes(15), List.of("channel", "stakeholders")),
                Duration.ofMinutes(30),
                List.of(
                    step(0, null, "oncall:primary"),
                    step(5, ACKNOWLEDGED, "oncall:secondary", "role:engineering-manager"),
                    step(10, IDENTIFIED, "role:vp-engineering"),
                    step(20, RESOLVED, "role:executive")),
                new PostmortemPolicy(true, Duration.ofHours(24)),
                List.of("role:engineering-manager")),
            Severity.SEV2,
            new SeverityPolicy(
                "Major functionality degraded or a subset of users affected",
                List.of("P2", "error"),
                true,
                new StatusUpdatePolicy(Duration.ofMinutes(30), List.of("channel")),
                Duration.ofMinutes(30),
                List.of(
                    step(0, null, "oncall:primary"),
                    step(15, ACKNOWLEDGED, "role:engineering-manager")),
                new PostmortemPolicy(true, Duration.ofHours(48), Duration.ofHours(8))),
            Severity.SEV3,
            new SeverityPolicy(
                "Minor degradation with a workaround; nobody is paged",
                List.of("P3", "warning"),
                false,
                new StatusUpdatePolicy(null, List.of("channel")),
                Duration.ofMinutes(15),
                List.of(),
                PostmortemPolicy.none()),
            Severity.SEV4,
            new SeverityPolicy(
                "Cosmetic or internal issue without user impact",
                List.of("P4", "info"),
                false,
                new StatusUpdatePolicy(null, List.of("channel")),
                Duration.ofMinutes(15),
                List.of(),
                PostmortemPolicy.none())),
        ActionItemPolicy.defaults());
  }

  /** The default policy with {@code severity}'s row replaced, for one-off rules in tests. */
  public static Policy withRow(Severity severity, SeverityPolicy row) {
    Map<Severity, SeverityPolicy> rows = new EnumMap<>(defaults().severities());
    rows.put(severity, row);
    return new Policy(rows, ActionItemPolicy.defaults());
  }

  /**
   * The default policy with SEV1's escalation chain replaced; its status updates every 15 minutes
   * to the channel, and no postmortem.
   */
  public static Policy withSev1Chain(EscalationStep... chain) {
    return withRow(
        Severity.SEV1,
        new SeverityPolicy(
            "",
            List.of("P1"),
            true,
            new StatusUpdatePolicy(Duration.ofMinutes(15), List.of("channel")),
            Duration.ofMinutes(30),
            List.of(chain),
            null));
  }

  public static EscalationStep step(int minutes, IncidentStatus unless, String... targets) {
    return new EscalationStep(Duration.ofMinutes(minutes), unless, List.of(targets));
  }
}
