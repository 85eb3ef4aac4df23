package dev.incidentflow.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncidentActionItemsResourceTest {
  @Test
  void theLocationOfAnAddedItemEncodesItsOwnersHandle() {
    assertThat(IncidentActionItemsResource.ownersItems("bob"))
        .hasToString("/v1/action-items?owner=bob");
    // A handle the catalog allows but a URI does not, as typed: it made the answer a 500.
    assertThat(IncidentActionItemsResource.ownersItems("Bob Stone|50%"))
        .hasToString("/v1/action-items?owner=Bob+Stone%7C50%25");
  }
}
