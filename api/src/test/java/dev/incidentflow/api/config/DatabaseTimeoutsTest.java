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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;
import org.junit.jupiter.api.Test;

class DatabaseTimeoutsTest {

  @Test
  void theTimeoutsAreSetUnlessTheConfigurationSetsThem() {
    DataSourceFactory unset = new DataSourceFactory();
    DatabaseTimeouts.bound(unset);
    assertThat(unset.getProperties())
        .containsOnly(
            Map.entry("socketTimeout", "30"), Map.entry("options", "-c statement_timeout=25s"));

    DataSourceFactory set = new DataSourceFactory();
    set.setProperties(
        Map.of(
            "socketTimeout", "120",
            "sslmode", "require",
            "options", "-c statement_timeout=90s"));
    DatabaseTimeouts.bound(set);
    assertThat(set.getProperties())
        .containsOnly(
            Map.entry("socketTimeout", "120"),
            Map.entry("sslmode", "require"),
            Map.entry("options", "-c statement_timeout=90s"));

    DataSourceFactory otherOptions = new DataSourceFactory();
    otherOptions.setProperties(Map.of("options", "-c search_path=incidentflow "));
    DatabaseTimeouts.bound(otherOptions);
    assertThat(otherOptions.getProperties())
        .containsEntry("options", "-c search_path=incidentflow -c statement_timeout=25s");
  }

  @Test
  void thePoolsSessionsStartWithTheStatementTimeout() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      DataSourceFactory database = new DataSourceFactory();
      database.setDriverClass("org.postgresql.Driver");
      database.setUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
      database.setUser("postgres");
      database.setPassword("postgres");
      DatabaseTimeouts.bound(database);
      ManagedDataSource dataSource = database.build(new MetricRegistry(), "postgresql");
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement();
          ResultSet shown = statement.executeQuery("SHOW statement_timeout")) {
        assertThat(shown.next()).isTrue();
        assertThat(shown.getString(1)).isEqualTo("25s");
      } finally {
        dataSource.stop();
      }
    }
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
        // The connection that timed out was dropped, not handed out again.
        assertThat(((DataSourceProxy) dataSource).getPool().getReleasedCount()).isPositive();
      } finally {
        dataSource.stop();
      }
    }
  }
}
