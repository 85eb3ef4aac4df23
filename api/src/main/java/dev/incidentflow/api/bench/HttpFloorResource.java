package dev.incidentflow.api.bench;

import dev.incidentflow.api.json.AcceptedAlert;
import dev.incidentflow.api.json.AlertmanagerPayload;
import dev.incidentflow.api.resources.AlertmanagerResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The floor of the storm's webhook latency on the HTTP side: the Alertmanager webhook's request and
 * answer with nothing between them. The same server, filters (the token, the body's size and type)
 * and JSON reading as {@link AlertmanagerResource}, and the same 202 with the same shape; no
 * mapping, no Temporal. Registered by the benchmark's embedded run only, on a path no deployment
 * serves.
 */
@Path(HttpFloorResource.PATH)
@Consumes(MediaType.APPLICATION_JSON)
public class HttpFloorResource {
  static final String PATH = "/v1/alerts/bench-http-floor";

  private static final AcceptedAlert ANSWER =
      new AcceptedAlert("alert-alertmanager-bench-http-floor", "fired", List.of());

  @POST
  public Response alertmanager(AlertmanagerPayload payload) {
    AlertmanagerResource.required(payload);
    return AlertmanagerResource.accepted(ANSWER);
  }
}
