package dev.incidentflow.api.bench;

import dev.incidentflow.api.IncidentFlowConfiguration;
import dev.incidentflow.api.config.EmbeddedTemporalServer;
import dev.incidentflow.api.config.TemporalFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * What {@code dev} embeds, started for a benchmark run: Temporal's Java test server in real time
 * unless {@code temporal.address} names a server, and PostgreSQL unless {@code database.url} names
 * one. Unlike {@code dev} it binds free ports, so a benchmark can run next to a dev stack.
 */
public final class EmbeddedBackends implements AutoCloseable {
  private final EmbeddedTemporalServer temporal;
  private final EmbeddedPostgres postgres;
  private final String description;

  private EmbeddedBackends(
      EmbeddedTemporalServer temporal, EmbeddedPostgres postgres, String description) {
    this.temporal = temporal;
    this.postgres = postgres;
    this.description = description;
  }

  /** Starts what {@code config} leaves embedded and points {@code config} at it. */
  public static EmbeddedBackends start(IncidentFlowConfiguration config) throws IOException {
    EmbeddedTemporalServer temporal = null;
    String temporalText;
    if (config.getTemporal().isEmbedded()) {
      int port = freePort();
      temporal = EmbeddedTemporalServer.start(port);
      config.getTemporal().setAddress("127.0.0.1:" + port);
      config.getTemporal().useInProcessChannel(temporal.channel());
      temporalText =
          "Temporal Java test server (real time, in this JVM, reached in-process; also on 127.0.0.1:"
              + port
              + ")";
    } else {
      temporalText = "Temporal at " + config.getTemporal().getAddress();
    }
    EmbeddedPostgres postgres = null;
    String databaseText;
    if (TemporalFactory.EMBEDDED.equals(config.getDatabase().getUrl())) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException | RuntimeException e) {
        if (temporal != null) {
          temporal.close();
        }
        throw e;
      }
      config.getDatabase().setUrl(postgres.getJdbcUrl("postgres", "postgres"));
      config.getDatabase().setUser("postgres");
      config.getDatabase().setPassword("postgres");
      databaseText = "embedded PostgreSQL (own process) on port " + postgres.getPort();
    } else {
      databaseText = "PostgreSQL at " + config.getDatabase().getUrl();
    }
    return new EmbeddedBackends(temporal, postgres, temporalText + ", " + databaseText);
  }

  public String description() {
    return description;
  }

  @Override
  public void close() throws IOException {
    if (temporal != null) {
      temporal.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
