package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.SampleIncidents.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V26 gives postmortems stored before it their incident's commander as owner, and leaves those of
 * incidents without one ownerless.
 */
class PostmortemOwnerMigrationTest {

  @Test
  void postmortemsStoredBeforeTheMigrationAreOwnedByTheirIncidentsCommander() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      OlderSchema.migrateTo(postgres.getPostgresDatabase(), "25");
      Jdbi jdbi = IncidentJdbi.create(postgres.getPostgresDatabase());
      IncidentStoreActivitiesImpl incidents = new IncidentStoreActivitiesImpl(jdbi);
      long commanded = incidents.recordIncident(alert("alert-group-1", "run-1")).number();
      long uncommanded = incidents.recordIncident(alert("alert-group-2", "run-2")).number();
      jdbi.useHandle(
          handle -> {
            handle.execute("UPDATE incidents SET commander = 'alice' WHERE number = ?", commanded);
            for (long number : new long[] {commanded, uncommanded}) {
              handle.execute(
                  "INSERT INTO postmortems (incident_number, workflow_id, status, due_at)"
                      + " VALUES (?, ?, 'scheduled', ?)",
                  number,
                  "postmortem-INC-" + number,
                  java.sql.Timestamp.from(Instant.parse("2025-05-02T10:00:00Z")));
            }
          });

      Migrations.migrate(postgres.getPostgresDatabase());

      FollowUpRepository repository = new FollowUpRepository(jdbi);
      assertThat(repository.postmortem(commanded).orElseThrow().owner()).isEqualTo("alice");
      assertThat(repository.postmortem(uncommanded).orElseThrow().owner()).isNull();
    }
  }
}
