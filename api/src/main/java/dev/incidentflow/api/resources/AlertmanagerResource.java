package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.core.AlertIntake;
import dev.incidentflow.api.core.AlertMapper;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.json.AlertmanagerPayload;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Prometheus Alertmanager (webhook version 4) and Grafana unified alerting. */
@Path("/v1/alerts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AlertmanagerResource {
  private final AlertMapper mapper;
  private final AlertIntake intake;

  public AlertmanagerResource(AlertMapper mapper, AlertIntake intake) {
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.intake = requireNonNull(intake, "intake is null");
  }

  @POST
  @Path("/alertmanager")
  public Response alertmanager(AlertmanagerPayload payload) {
    return Response.accepted(
            intake.accept(mapper.fromAlertmanager("alertmanager", required(payload))))
        .build();
  }

  @POST
  @Path("/grafana")
  public Response grafana(AlertmanagerPayload payload) {
    return Response.accepted(intake.accept(mapper.fromAlertmanager("grafana", required(payload))))
        .build();
  }

  static <T> T required(T body) {
    if (body == null) {
      throw new ApiException(400, "a JSON body is required", List.of());
    }
    return body;
  }
}
