package dev.incidentflow.activities.store;

import static dev.incidentflow.activities.store.StoredIncident.triggered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEventType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** V12 folds status updates and decisions into search for incidents stored before it, too. */
class IncidentSearchMigrationTest {

  @Test
  void incidentsStoredBeforeTheMigrationBecomeSearchableByTheirStatusUpdates() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      OlderSchema.migrateTo(postgres.getPostgresDatabase(), "11");
      Jdbi jdbi = IncidentJdbi.create(postgres.getPostgresDatabase());
      // Today's store writes the revision column of V23: the V11 schema gets it while the store
      // writes the rows the migration finds, and loses it again before the migrations run.
      jdbi.useHandle(
          handle ->
              handle.execute(
                  "ALTER TABLE incidents ADD COLUMN revision integer NOT NULL DEFAULT 0"));
      long number =
          triggered(
                  "wf-1",
                  "Checkout slow",
                  "checkout",
                  Severity.SEV2,
                  Instant.parse("2024-01-01T00:00:00Z"))
              .event(TimelineEventType.STATUS_UPDATE, 60, "alice", "Kafka consumer lag")
              .store(new IncidentStoreActivitiesImpl(jdbi));
      IncidentRepository repository = new IncidentRepository(jdbi);
      assertThat(repository.list(new IncidentFilter(null, null, null, "kafka"))).isEmpty();

      jdbi.useHandle(handle -> handle.execute("ALTER TABLE incidents DROP COLUMN revision"));
      Migrations.migrate(postgres.getPostgresDatabase());

      assertThat(repository.list(new IncidentFilter(null, null, null, "kafka")))
          .extracting(IncidentRecord::number)
          .containsExactly(number);
      assertThat(repository.list(new IncidentFilter(null, null, null, "checkout")))
          .extracting(IncidentRecord::number)
          .containsExactly(number);
    }
  }
}
