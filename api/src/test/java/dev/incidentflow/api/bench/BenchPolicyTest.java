package dev.incidentflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.activities.directory.PolicyLoader;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.EscalationStep;
import dev.incidentflow.workflows.policy.Policy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchPolicyTest {
  private final BenchPolicy policy =
      new BenchPolicy(
          Duration.ofSeconds(20), List.of(Duration.ofSeconds(10), Duration.ofSeconds(20)));

  @Test
  void writesAPolicyTheApplicationLoadsWithShortSev1TimersAndAQuietSev2() {
    Policy loaded =
        PolicyLoader.load(
            new ByteArrayInputStream(policy.yaml().getBytes(StandardCharsets.UTF_8)),
            "bench policy");

    assertThat(loaded.row(Severity.SEV1).statusUpdates().every()).isEqualTo(Duration.ofSeconds(20));
    assertThat(loaded.row(Severity.SEV1).pagingChain())
        .extracting(EscalationStep::after)
        .containsExactly(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20));
    assertThat(loaded.row(Severity.SEV2).statusUpdates().every()).isNull();
    assertThat(loaded.row(Severity.SEV2).pagingChain()).hasSize(1);
    assertThat(loaded.severityFor("critical")).contains(Severity.SEV1);
    assertThat(loaded.severityFor("error")).contains(Severity.SEV2);
  }

  @Test
  void plansEveryEscalationStepAndOverdueNoticeDueInTheWindow() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");

    assertThat(policy.timersDue(start, start.plusSeconds(45)))
        .containsExactly(
            new BenchPolicy.PlannedTimer("escalation step 1", start.plusSeconds(10)),
            new BenchPolicy.PlannedTimer("escalation step 2", start.plusSeconds(20)),
            new BenchPolicy.PlannedTimer("update overdue notice 1", start.plusSeconds(20)),
            new BenchPolicy.PlannedTimer("update overdue notice 2", start.plusSeconds(40)));
  }

  @Test
  void tellsEscalationStepsFromOverdueNotices() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");

    assertThat(policy.timersDue(start, start.plusSeconds(45)))
        .extracting(BenchPolicy.PlannedTimer::isEscalationStep)
        .containsExactly(true, true, false, false);
  }

  @Test
  void statesTheTimerLoadAsARate() {
    assertThat(OpenIncidents.timerLoad(10_526, Duration.ofMillis(87_400)))
        .isEqualTo("10526 in 87 s, 120.4 per second");
  }
}
