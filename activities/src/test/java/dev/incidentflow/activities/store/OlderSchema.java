package dev.incidentflow.activities.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The schema as an older version left it, for the tests of what a migration does to its rows. */
final class OlderSchema {
  private OlderSchema() {}

  /** Migrates an empty database up to and including {@code version}, and no further. */
  static void migrateTo(DataSource dataSource, String version) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }
}
