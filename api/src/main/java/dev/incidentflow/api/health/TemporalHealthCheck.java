package dev.incidentflow.api.health;

import static java.util.Objects.requireNonNull;

import com.codahale.metrics.health.HealthCheck;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;

/** Healthy when the Temporal frontend answers within two seconds. */
public final class TemporalHealthCheck extends HealthCheck {
  private final WorkflowServiceStubs service;

  public TemporalHealthCheck(WorkflowServiceStubs service) {
    this.service = requireNonNull(service, "service is null");
  }

  @Override
  protected Result check() {
    service
        .blockingStub()
        .withDeadlineAfter(2, TimeUnit.SECONDS)
        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    return Result.healthy();
  }
}
