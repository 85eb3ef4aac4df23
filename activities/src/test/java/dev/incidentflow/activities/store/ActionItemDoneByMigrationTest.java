package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.SampleIncidents.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.junit.jupiter.api.Test;

/**
 * V27 gives action items done before it whoever their latest {@code action_item_done} event names,
 * and nobody to the items that are not done.
 */
class ActionItemDoneByMigrationTest {

  @Test
  void itemsDoneBeforeTheMigrationAreDoneByWhomTheirLatestDoneEventSays() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      OlderSchema.migrateTo(postgres.getPostgresDatabase(), "26");
      Jdbi jdbi = IncidentJdbi.create(postgres.getPostgresDatabase());
      long incident =
          new IncidentStoreActivitiesImpl(jdbi)
              .recordIncident(alert("alert-group-1", "run-1"))
              .number();
      jdbi.useHandle(
          handle -> {
            item(handle, incident, 1, "done"); // by carol, after jira had closed it once
            item(handle, incident, 2, "done"); // by jira
            item(handle, incident, 3, "open"); // done once, then reopened
            item(handle, incident, 4, "done"); // no event (its timeline write was lost)
            doneEvent(handle, incident, 10, "AI-1", "jira");
            doneEvent(handle, incident, 11, "AI-2", "jira");
            doneEvent(handle, incident, 12, "AI-3", "dave");
            doneEvent(handle, incident, 1_000_000_000, "AI-1", "carol");
          });

      Migrations.migrate(postgres.getPostgresDatabase());

      // The column itself: the list falls back to the same events when it is empty.
      Map<Long, String> doneBy =
          jdbi.withHandle(
              handle ->
                  handle
                      .createQuery(
                          "SELECT number, done_by FROM action_items WHERE done_by IS NOT NULL")
                      .setMapKeyColumn("number")
                      .setMapValueColumn("done_by")
                      .collectInto(new GenericType<Map<Long, String>>() {}));
      assertThat(doneBy).containsExactlyInAnyOrderEntriesOf(Map.of(1L, "carol", 2L, "jira"));
    }
  }

  private static void item(Handle handle, long incident, long number, String status) {
    handle.execute(
        "INSERT INTO action_items (number, workflow_id, incident_number, title, owner, due, kind,"
            + " status, done_at) VALUES (?, ?, ?, 'Fix it', 'bob', DATE '2025-05-10', 'root_cause',"
            + " ?, CASE WHEN ? = 'done' THEN now() END)",
        number,
        "action-item-" + number,
        incident,
        status,
        status);
  }

  private static void doneEvent(Handle handle, long incident, int sequence, String id, String by) {
    handle.execute(
        "INSERT INTO timeline_events (incident_number, sequence, at, type, by_whom, text, data)"
            + " VALUES (?, ?, now(), 'action_item_done', ?, 'done', jsonb_build_object("
            + "'actionItem', CAST(? AS text)))",
        incident,
        sequence,
        by,
        id);
  }
}
