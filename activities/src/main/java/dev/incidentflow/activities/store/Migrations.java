package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the incident store's schema up to date with the Flyway scripts in {@code db/migration}.
 */
public final class Migrations {

  private Migrations() {}

  /**
   * Applies every pending migration. Safe to call on every start and from several processes at
   * once: Flyway takes a lock on its history table, and an up-to-date schema is left alone.
   *
   * @return how many migrations were applied
   */
  public static int migrate(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource is null");
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
