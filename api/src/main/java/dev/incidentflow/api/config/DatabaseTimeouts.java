package dev.incidentflow.api.config;

import io.dropwizard.db.DataSourceFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounds how long a statement waits for PostgreSQL. Without it a database that stops answering (a
 * network partition, a hung host) held each request and each activity that had a connection until
 * the operating system gave up on the connection, which can take hours; the pool's other callers
 * then waited for a connection. With it they fail after the timeout: the API answers 503,
 * activities are retried, and the connections are replaced once the database answers again. The
 * socket timeout only stops the client, so PostgreSQL also cancels a statement that runs past its
 * {@code statement_timeout}, set a little shorter: a statement nobody waits for any more does not
 * go on loading a database that is already slow. Migrations wait as long as they need (see {@code
 * Migrations.migrate}).
 */
public final class DatabaseTimeouts {
  /** The PostgreSQL driver's socket timeout, in seconds, per read (connecting included). */
  public static final String SOCKET_TIMEOUT = "socketTimeout";

  /**
   * Seconds. Longer than any statement of the API or the workers takes on a healthy database, and
   * as long as the pool's wait for a connection (Dropwizard's default {@code
   * maxWaitForConnection}).
   */
  public static final String DEFAULT_SOCKET_TIMEOUT_SECONDS = "30";

  /** The PostgreSQL driver's connection property that sets session parameters at start. */
  public static final String OPTIONS = "options";

  /**
   * Shorter than the socket timeout, so that the server's cancel comes before the client gives up.
   */
  public static final String STATEMENT_TIMEOUT = "statement_timeout=25s";

  private DatabaseTimeouts() {}

  /**
   * Sets the socket timeout unless {@code database.properties} sets one, and the statement timeout
   * unless its {@code options} set one (other options are kept); either in the URL's query ({@code
   * ?socketTimeout=60}) wins, as the driver reads it.
   */
  public static void bound(DataSourceFactory database) {
    Map<String, String> properties = new LinkedHashMap<>(database.getProperties());
    properties.putIfAbsent(SOCKET_TIMEOUT, DEFAULT_SOCKET_TIMEOUT_SECONDS);
    String options = properties.get(OPTIONS);
    if (options == null || options.isBlank()) {
      properties.put(OPTIONS, "-c " + STATEMENT_TIMEOUT);
    } else if (!options.contains("statement_timeout")) {
      properties.put(OPTIONS, options.strip() + " -c " + STATEMENT_TIMEOUT);
    }
    database.setProperties(properties);
  }
}
