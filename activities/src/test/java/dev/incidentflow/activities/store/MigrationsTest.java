package dev.incidentflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void migrationsApplyOnAnEmptyDatabaseAndOnlyOnce() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      int applied = Migrations.migrate(postgres.getPostgresDatabase());
      int appliedAgain = Migrations.migrate(postgres.getPostgresDatabase());

      List<String> tables =
          Jdbi.create(postgres.getPostgresDatabase())
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY"
                                  + " tablename")
                          .mapTo(String.class)
                          .list());
      assertThat(applied).isPositive();
      assertThat(appliedAgain).isZero();
      assertThat(tables)
          .containsExactly(
              "action_items",
              "deploys",
              "flyway_schema_history",
              "incidents",
              "postmortems",
              "timeline_events");
    }
  }
}
