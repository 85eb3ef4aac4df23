package dev.incidentflow.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.activities.store.ActionItemRow;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ActionItemJsonTest {

  private static ActionItemRow row(ActionItemStatus status, Instant doneAt, String doneBy) {
    return new ActionItemRow(
        4,
        "action-item-4",
        12,
        "Add a canary",
        "carol",
        LocalDate.parse("2025-05-10"),
        ActionItemKind.ROOT_CAUSE,
        status,
        null,
        null,
        1,
        "alice",
        Instant.parse("2025-05-01T10:00:00Z"),
        doneAt,
        doneBy);
  }

  @Test
  void aDoneItemShowsWhoMarkedItDone() {
    Instant doneAt = Instant.parse("2025-05-03T10:00:00Z");

    ActionItemJson json = ActionItemJson.of(row(ActionItemStatus.DONE, doneAt, "carol"));

    assertThat(json.doneAt()).isEqualTo(doneAt);
    assertThat(json.doneBy()).isEqualTo("carol");
  }
}
