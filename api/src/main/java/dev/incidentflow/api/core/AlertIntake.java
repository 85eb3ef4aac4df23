package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.json.AcceptedAlert;

/**
 * Hands mapped alert deliveries to Temporal. A webhook waits on nothing but this one call: Slack,
 * PagerDuty and the database are the workflow's business.
 */
public final class AlertIntake {
  private final IncidentGateway gateway;

  public AlertIntake(IncidentGateway gateway) {
    this.gateway = requireNonNull(gateway, "gateway is null");
  }

  public AcceptedAlert accept(AlertMapper.MappedAlert alert) {
    if (alert.event().firing()) {
      gateway.fire(alert.workflowId(), alert.input(), alert.event());
      return new AcceptedAlert(alert.workflowId(), "fired");
    }
    boolean delivered = gateway.resolveAlert(alert.workflowId(), alert.event());
    return new AcceptedAlert(alert.workflowId(), delivered ? "resolved" : "ignored");
  }
}
