package dev.incidentflow.api.cli;

import dev.incidentflow.activities.directory.ConfigurationError;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.UndefinedEnvironmentVariableException;
import io.dropwizard.core.cli.Cli;

/**
 * What a process that refuses to start prints: for a configuration mistake, one message that names
 * the variable, key or file to fix, without a stack trace; anything else in full.
 */
final class StartupErrors {
  private StartupErrors() {}

  static void report(Cli cli, Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof UndefinedEnvironmentVariableException
          || cause instanceof ConfigurationException
          || cause instanceof ConfigurationError) {
        cli.getStdErr().println("IncidentFlow cannot start: " + cause.getMessage().strip());
        return;
      }
    }
    error.printStackTrace(cli.getStdErr());
  }
}
