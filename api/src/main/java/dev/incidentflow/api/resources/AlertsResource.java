package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.core.AlertIntake;
import dev.incidentflow.api.core.AlertMapper;
import dev.incidentflow.api.json.GenericAlert;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Generic alerts: anything that can POST JSON with a dedup key. Answers JSON whatever the request's
 * {@code Accept} says (see {@link AlertmanagerResource}).
 */
@Path("/v1/alerts")
@Consumes(MediaType.APPLICATION_JSON)
public class AlertsResource {
  private final AlertMapper mapper;
  private final AlertIntake intake;

  public AlertsResource(AlertMapper mapper, AlertIntake intake) {
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.intake = requireNonNull(intake, "intake is null");
  }

  @POST
  public Response alert(GenericAlert alert) {
    return AlertmanagerResource.accepted(
        intake.accept(mapper.fromGeneric(AlertmanagerResource.required(alert))));
  }
}
