package dev.incidentflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

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

  @Test
  void migrationsWaitPastTheStatementAndSocketTimeoutsAndHandTheirConnectionBackWithThem()
      throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      PGSimpleDataSource bounded = new PGSimpleDataSource();
      bounded.setURL(postgres.getJdbcUrl("postgres", "postgres"));
      bounded.setSocketTimeout(1);
      bounded.setOptions("-c statement_timeout=500");
      try (Connection physical = bounded.getConnection()) {
        // As a pool hands it out: closing it keeps it open for the next borrower.
        Connection pooled =
            (Connection)
                Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) ->
                        method.getName().equals("close") ? null : method.invoke(physical, args));
        DataSource pool =
            (DataSource)
                Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class},
                    (proxy, method, args) ->
                        method.getName().equals("getConnection") ? pooled : null);

        try (Connection migrating = Migrations.withoutNetworkTimeout(pool).getConnection();
            Statement statement = migrating.createStatement()) {
          statement.execute("SELECT pg_sleep(1.5)");
        }

        assertThat(physical.getNetworkTimeout()).isEqualTo(1000);
        try (Statement statement = physical.createStatement()) {
          try (ResultSet shown = statement.executeQuery("SHOW statement_timeout")) {
            assertThat(shown.next()).isTrue();
            assertThat(shown.getString(1)).isEqualTo("500ms");
          }
          assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(1.5)"))
              .isInstanceOf(SQLException.class);
        }
      }
    }
  }
}
