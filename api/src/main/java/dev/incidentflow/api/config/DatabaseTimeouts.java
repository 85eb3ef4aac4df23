package dev.incidentflow.api.config;

import io.dropwizard.db.DataSourceFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounds how long a statement waits for PostgreSQL. Without it a database that stops answering (a
 * network partition, a hung host) held each request and each activity that had a connection until
 * the operating system gave up on the connection, which can take hours; the pool's other callers
 * then waited for a connection. With it they fail after the timeout: the API answers 503 (retry
 * later), activities are retried, and the connections are replaced once the database answers again.
 * Migrations wait as long as they need (see {@code Migrations.migrate}).
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

  private DatabaseTimeouts() {}

  /**
   * Sets the socket timeout unless {@code database.properties} sets one; one in the URL's query
   * ({@code ?socketTimeout=60}) wins over both, as the driver reads it.
   */
  public static void bound(DataSourceFactory database) {
    Map<String, String> properties = new LinkedHashMap<>(database.getProperties());
    properties.putIfAbsent(SOCKET_TIMEOUT, DEFAULT_SOCKET_TIMEOUT_SECONDS);
    database.setProperties(properties);
  }
}
