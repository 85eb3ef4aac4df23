package dev.incidentflow.api.bench;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.MetricRegistry;
import dev.incidentflow.worker.WorkerSettings;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.util.Optional;

/**
 * The deployment under test.
 *
 * @param temporal a client of the Temporal server the deployment uses, for the floor; empty skips
 *     it
 * @param worker the incident worker's settings when it runs in this JVM
 * @param metrics the application's metric registry when it runs in this JVM, with the Temporal
 *     SDK's metrics in it
 * @param sameJvm whether the API, worker and Temporal server share this JVM, so heap and thread
 *     figures describe them
 * @param httpFloor whether the API serves {@link HttpFloorResource}, as the embedded run's does
 */
public record BenchTarget(
    URI api,
    String token,
    Optional<WorkflowClient> temporal,
    String description,
    Optional<WorkerSettings> worker,
    Optional<MetricRegistry> metrics,
    boolean sameJvm,
    boolean httpFloor) {

  public BenchTarget {
    requireNonNull(api, "api is null");
    requireNonNull(token, "token is null");
    requireNonNull(temporal, "temporal is null");
    requireNonNull(description, "description is null");
    requireNonNull(worker, "worker is null");
    requireNonNull(metrics, "metrics is null");
  }
}
