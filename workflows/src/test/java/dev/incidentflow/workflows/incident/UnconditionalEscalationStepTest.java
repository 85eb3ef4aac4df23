package dev.incidentflow.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.EscalationStep;
import dev.incidentflow.workflows.policy.Policy;
import dev.incidentflow.workflows.policy.SeverityPolicy;
import dev.incidentflow.workflows.policy.TestPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnconditionalEscalationStepTest {
  private static final Instant START = Instant.parse("2026-11-20T02:00:00Z");

  @Test
  void laterStepWithoutUnlessRunsOnScheduleInsteadOfFailing() {
    Map<Severity, SeverityPolicy> rows = new EnumMap<>(TestPolicies.defaults().severities());
    SeverityPolicy sev1 = rows.get(Severity.SEV1);
    rows.put(
        Severity.SEV1,
        new SeverityPolicy(
            sev1.description(),
            sev1.aliases(),
            true,
            sev1.statusUpdates(),
            sev1.monitoringWindow(),
            List.of(
                new EscalationStep(Duration.ZERO, null, List.of("oncall:primary")),
                new EscalationStep(
                    Duration.ofMinutes(5), null, List.of("role:engineering-manager"))),
            sev1.postmortem()));
    IncidentState state =
        IncidentState.declare(
            TestIncidents.declared("Checkout down", Severity.SEV1, "checkout", "carol", null),
            "declared-1",
            "run-1",
            new Policy(rows, null),
            START);
    state.numbered(1);

    state.fireDueTimers(START);
    state.takeEffects();
    state.fireDueTimers(START.plus(Duration.ofMinutes(5)));

    assertThat(state.takeEffects())
        .contains(
            new Effect.RunEscalationStep(
                1, List.of("role:engineering-manager"), "scheduled at 5m"));
  }
}
