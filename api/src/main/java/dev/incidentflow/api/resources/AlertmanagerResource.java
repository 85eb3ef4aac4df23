package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.core.AlertIntake;
import dev.incidentflow.api.core.AlertMapper;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.json.AcceptedAlert;
import dev.incidentflow.api.json.AlertmanagerPayload;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Prometheus Alertmanager (webhook version 4) and Grafana unified alerting.
 *
 * <p>The alert paths answer JSON whatever the sender's {@code Accept} header asks for, instead of
 * refusing with 406: they have no {@code @Produces}, which would make Jersey refuse the request
 * before it is read, and each answer names its type itself. A sender that cannot read the answer
 * loses nothing; one whose alert was refused would lose the alert.
 */
@Path("/v1/alerts")
@Consumes(MediaType.APPLICATION_JSON)
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
    return accepted(intake.accept(mapper.fromAlertmanager("alertmanager", required(payload))));
  }

  @POST
  @Path("/grafana")
  public Response grafana(AlertmanagerPayload payload) {
    return accepted(intake.accept(mapper.fromAlertmanager("grafana", required(payload))));
  }

  /** 202 with the delivery's outcome, as JSON whatever the request's {@code Accept} says. */
  public static Response accepted(AcceptedAlert outcome) {
    return Response.accepted(outcome).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** {@code body}, or a 400 when the request had none. */
  public static <T> T required(T body) {
    if (body == null) {
      throw new ApiException(400, "a JSON body is required", List.of());
    }
    return body;
  }
}
