package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.json.AcceptedAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands mapped alert deliveries to Temporal. A webhook waits on nothing but this one call: Slack,
 * PagerDuty and the database are the workflow's business.
 */
public final class AlertIntake {
  private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

  private final IncidentGateway gateway;

  public AlertIntake(IncidentGateway gateway) {
    this.gateway = requireNonNull(gateway, "gateway is null");
  }

  public AcceptedAlert accept(AlertMapper.MappedAlert alert) {
    if (!alert.warnings().isEmpty()) {
      // Alertmanager and Grafana do not show a 2xx answer's body to anyone: the log says it too.
      // The warnings quote the sender's labels: a line break in one must not start a log line.
      log.warn(
          "alert delivery for {} taken in part: {}",
          alert.workflowId(),
          String.valueOf(alert.warnings()).replaceAll("[\\r\\n]", " "));
    }
    if (alert.event().firing()) {
      gateway.fire(alert.workflowId(), alert.input(), alert.event());
      return new AcceptedAlert(alert.workflowId(), "fired", alert.warnings());
    }
    boolean delivered = gateway.resolveAlert(alert.workflowId(), alert.event());
    return new AcceptedAlert(
        alert.workflowId(), delivered ? "resolved" : "ignored", alert.warnings());
  }
}
