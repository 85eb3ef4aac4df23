package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the incident store's schema up to date with the Flyway scripts in {@code db/migration}.
 */
public final class Migrations {

  private Migrations() {}

  /**
   * Applies every pending migration. Safe to call on every start and from several processes at
   * once: Flyway takes a lock on its history table, and an up-to-date schema is left alone. A
   * migration may take longer than the timeouts that bound the application's statements (an index
   * built over a large table), so its connections wait as long as it takes (see {@link
   * #withoutNetworkTimeout}).
   *
   * @return how many migrations were applied
   */
  public static int migrate(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource is null");
    return Flyway.configure()
        .dataSource(withoutNetworkTimeout(dataSource))
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /**
   * {@code dataSource} whose connections have neither a network timeout (the PostgreSQL driver's
   * {@code socketTimeout}) nor a {@code statement_timeout} until they are closed, when they get
   * back what they had (the statement timeout the session started with): a pooled connection goes
   * back to the pool as it came.
   */
  static DataSource withoutNetworkTimeout(DataSource dataSource) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result = invoke(dataSource, method, args);
          return method.getName().equals("getConnection") ? unbounded((Connection) result) : result;
        };
    return (DataSource)
        Proxy.newProxyInstance(
            Migrations.class.getClassLoader(), new Class<?>[] {DataSource.class}, handler);
  }

  private static Connection unbounded(Connection connection) throws SQLException {
    int timeout;
    try (Statement statement = connection.createStatement()) {
      timeout = connection.getNetworkTimeout();
      connection.setNetworkTimeout(Runnable::run, 0);
      statement.execute("SET statement_timeout = 0");
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            try (connection;
                Statement statement = connection.isClosed() ? null : connection.createStatement()) {
              if (statement != null) {
                statement.execute("RESET statement_timeout");
                connection.setNetworkTimeout(Runnable::run, timeout);
              }
            }
            return null;
          }
          return invoke(connection, method, args);
        };
    return (Connection)
        Proxy.newProxyInstance(
            Migrations.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
