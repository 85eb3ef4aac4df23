package dev.incidentflow.api.cli;

import dev.incidentflow.api.IncidentFlowConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code server <config>}: the HTTP API only. */
public final class ApiServerCommand extends ServerCommand<IncidentFlowConfiguration> {

  public ApiServerCommand(Application<IncidentFlowConfiguration> application) {
    super(application, "server", "Runs the IncidentFlow HTTP API");
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable error) {
    StartupErrors.report(cli, error);
  }
}
