package dev.incidentflow.activities.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for one test class: started and migrated before the first test, emptied before
 * each test (sequences restart, so the first incident of a test is number 1), stopped after the
 * last. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();
 *
 * IncidentRepository repository = new IncidentRepository(POSTGRES.jdbi());
 * }</pre>
 */
public final class EmbeddedPostgresExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  // Empties every table but Flyway's history, so tables added by later migrations are covered.
  private static final String TRUNCATE_ALL =
      """
      DO $$
      DECLARE
        tables text;
      BEGIN
        SELECT string_agg(format('%I.%I', schemaname, tablename), ', ')
          INTO tables
          FROM pg_tables
         WHERE schemaname = 'public' AND tablename != 'flyway_schema_history';
        IF tables IS NOT NULL THEN
          EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
        END IF;
      END
      $$
      """;

  private EmbeddedPostgres postgres;
  private Jdbi jdbi;
  // @Nested classes see the extension too and share their enclosing class's database.
  private int openClasses;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (openClasses++ > 0) {
      return;
    }
    postgres = EmbeddedPostgres.start();
    Migrations.migrate(postgres.getPostgresDatabase());
    jdbi = IncidentJdbi.create(postgres.getPostgresDatabase());
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(TRUNCATE_ALL);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--openClasses > 0 || postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      postgres = null;
      jdbi = null;
    }
  }

  /** A {@code Jdbi} over the migrated database, with {@code SqlObjectPlugin} installed. */
  public Jdbi jdbi() {
    requireStarted();
    return jdbi;
  }

  public DataSource dataSource() {
    requireStarted();
    return postgres.getPostgresDatabase();
  }

  /** The JDBC URL of the database, for user and password {@code postgres}. */
  public String jdbcUrl() {
    requireStarted();
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  private void requireStarted() {
    if (postgres == null) {
      throw new IllegalStateException(
          "PostgreSQL is not running: register EmbeddedPostgresExtension on a static field");
    }
  }
}
