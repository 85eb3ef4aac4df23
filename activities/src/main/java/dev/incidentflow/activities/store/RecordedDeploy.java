package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.Deploy;

/**
 * What {@link DeployRepository#record} did.
 *
 * @param deploy the stored deploy: the new one, or the one recorded before under the same service,
 *     version and time, unchanged
 * @param created false when the deploy had been recorded before
 */
public record RecordedDeploy(Deploy deploy, boolean created) {

  public RecordedDeploy {
    requireNonNull(deploy, "deploy is null");
  }
}
