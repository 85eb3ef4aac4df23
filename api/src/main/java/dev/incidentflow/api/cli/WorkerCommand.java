package dev.incidentflow.api.cli;

import dev.incidentflow.api.IncidentFlowConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code worker <config>}: the Temporal worker without the API resources. It keeps the admin port
 * (health checks and metrics) so an orchestrator can watch it; run as many as load needs.
 */
public final class WorkerCommand extends ServerCommand<IncidentFlowConfiguration> {

  public WorkerCommand(Application<IncidentFlowConfiguration> application) {
    super(application, "worker", "Runs the Temporal worker for incident workflows");
  }

  @Override
  protected void run(
      Bootstrap<IncidentFlowConfiguration> bootstrap,
      Namespace namespace,
      IncidentFlowConfiguration config)
      throws Exception {
    config.setComponents(IncidentFlowConfiguration.Components.WORKER);
    super.run(bootstrap, namespace, config);
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable error) {
    StartupErrors.report(cli, error);
  }
}
