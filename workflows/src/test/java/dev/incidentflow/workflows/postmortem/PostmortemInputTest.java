package dev.incidentflow.workflows.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.model.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostmortemInputTest {

  @Test
  void aRunContinuedAsNewAfterAHandoverKeepsTheNewOwner() {
    PostmortemInput continued = closed().withOwner("dana").continuing(null);

    assertThat(continued.owner()).isEqualTo("dana");
    assertThat(continued.commander()).isEqualTo("alice");
  }

  private static PostmortemInput closed() {
    Instant resolved = Instant.parse("2026-11-24T09:00:00Z");
    return new PostmortemInput(
        7,
        "3f1c9a52-run",
        "Checkout error budget burn",
        Severity.SEV1,
        "checkout",
        "alice",
        "incidents",
        "inc-7-sev1-checkout",
        new IncidentTimes(resolved, resolved, resolved, resolved, resolved, resolved),
        Duration.ofHours(24),
        Duration.ofHours(4),
        Duration.ofHours(6),
        null,
        null);
  }
}
