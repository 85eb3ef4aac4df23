package dev.incidentflow.workflows.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostmortemInputTest {

  @Test
  void aRunContinuedAsNewAfterAHandoverKeepsTheNewOwner() {
    PostmortemInput continued =
        FollowUpTestEnvironment.closedSev1At(Instant.parse("2026-11-24T09:00:00Z"))
            .withOwner("dana")
            .continuing(null);

    assertThat(continued.owner()).isEqualTo("dana");
    assertThat(continued.commander()).isEqualTo("alice");
  }
}
