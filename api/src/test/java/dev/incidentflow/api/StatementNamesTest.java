package dev.incidentflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jdbi3.InstrumentedSqlLogger;
import dev.incidentflow.activities.store.IncidentJdbi;
import dev.incidentflow.activities.store.IncidentLibrary;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.activities.store.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class StatementNamesTest {

  @Test
  void statementsWrittenOnTheHandleGetTimersOfTheirOwnAsSqlObjectMethodsDo() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      Migrations.migrate(postgres.getPostgresDatabase());
      Jdbi jdbi = IncidentJdbi.create(postgres.getPostgresDatabase());
      MetricRegistry metrics = new MetricRegistry();
      jdbi.setSqlLogger(new InstrumentedSqlLogger(metrics, new StatementNames()));

      new IncidentLibrary(jdbi).find(1); // a statement named in its comment
      new IncidentRepository(jdbi).find(1); // a SqlObject method
      jdbi.useHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());

      assertThat(metrics.getTimers().keySet())
          .containsExactlyInAnyOrder(
              "dev.incidentflow.activities.store.IncidentLibrary.find",
              "dev.incidentflow.activities.store.IncidentDao.find",
              "sql.raw");
    }
  }
}
