package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Creates the {@link Jdbi} the incident store needs. The store's classes take a {@code Jdbi} rather
 * than a {@code DataSource} so that the API can share the one Dropwizard's {@code JdbiFactory}
 * builds (which installs {@link SqlObjectPlugin} already); whoever creates a {@code Jdbi} by hand
 * must install that plugin, and this method does.
 */
public final class IncidentJdbi {

  private IncidentJdbi() {}

  /**
   * A {@code Jdbi} over {@code dataSource} with {@link SqlObjectPlugin} installed, {@link
   * #configure}d.
   */
  public static Jdbi create(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource is null");
    return configure(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()));
  }

  /**
   * Sets {@code jdbi} (one Dropwizard built, say) up for the store and returns it: strings are
   * bound without NUL characters, which PostgreSQL cannot store (see {@link NulFreeText}), and so
   * are the elements of string arrays ({@link NulFreeTextArrays}).
   */
  public static Jdbi configure(Jdbi jdbi) {
    return jdbi.registerArgument(new NulFreeText()).registerArgument(new NulFreeTextArrays());
  }
}
