package dev.incidentflow.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.codahale.metrics.MetricRegistry;
import dev.incidentflow.activities.store.IncidentJdbi;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.activities.store.Migrations;
import dev.incidentflow.api.errors.UnexpectedErrorMapper;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTimeoutsTest {

  @Test
  void theSocketTimeoutIsSetUnlessTheConfigurationSetsOne() {
    DataSourceFactory unset = new DataSourceFactory();
    DatabaseTimeouts.bound(unset);
    assertThat(unset.getProperties()).containsEntry("socketTimeout", "30");

    DataSourceFactory set = new DataSourceFactory();
    set.setProperties(Map.of("socketTimeout", "120", "sslmode", "require"));
    DatabaseTimeouts.bound(set);
    assertThat(set.getProperties())
        .containsOnly(Map.entry("socketTimeout", "120"), Map.entry("sslmode", "require"));
  }

  @Test
  void aDatabaseThatStopsAnsweringFailsAStatementWithA503AndServesAgainOnceItAnswers()
      throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
        FreezingProxy proxy = new FreezingProxy(postgres.getPort())) {
      DataSourceFactory database = new DataSourceFactory();
      database.setDriverClass("org.postgresql.Driver");
      database.setUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres");
      database.setUser("postgres");
      database.setPassword("postgres");
      // As the application builds its pool, with a timeout a test can wait for.
      database.setProperties(Map.of("socketTimeout", "1"));
      DatabaseTimeouts.bound(database);
      ManagedDataSource dataSource = database.build(new MetricRegistry(), "postgresql");
      try {
        Migrations.migrate(dataSource);
        IncidentRepository incidents = new IncidentRepository(IncidentJdbi.create(dataSource));
        assertThat(incidents.find(1)).isEmpty();

        proxy.freeze();
        Throwable hung =
            assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> catchThrowable(() -> incidents.find(1)));

        assertThat(hung).isNotNull();
        assertThat(new UnexpectedErrorMapper().toResponse(hung).getStatus()).isEqualTo(503);
        proxy.thaw();
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> assertThat(incidents.find(1)).isEmpty());
      } finally {
        dataSource.stop();
      }
    }
  }
}
