package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.api.core.FollowUpRequests;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.json.PostmortemJson;
import dev.incidentflow.api.json.PublishRequest;
import dev.incidentflow.workflows.postmortem.Publication;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An incident's postmortem: read it, publish it. */
@Path("/v1/incidents/{id}/postmortem")
@Produces(MediaType.APPLICATION_JSON)
public class PostmortemResource {
  private final FollowUpRequests requests;
  private final IncidentRepository incidents;
  private final FollowUpRepository followUps;

  public PostmortemResource(
      FollowUpRequests requests, IncidentRepository incidents, FollowUpRepository followUps) {
    this.requests = requireNonNull(requests, "requests is null");
    this.incidents = requireNonNull(incidents, "incidents is null");
    this.followUps = requireNonNull(followUps, "followUps is null");
  }

  @GET
  public PostmortemJson get(@PathParam("id") String id) {
    IncidentRecord incident = IncidentResource.record(incidents, id);
    return followUps
        .postmortem(incident.number())
        .map(PostmortemJson::of)
        .orElseThrow(() -> ApiException.notFound(incident.id() + " has no postmortem"));
  }

  /**
   * Publishes the postmortem: 200 with it once recorded; 409 when it is already published or the
   * incident has none; 422 naming what is missing.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public PostmortemJson publish(@PathParam("id") String id, PublishRequest body) {
    PublishRequest request = AlertmanagerResource.required(body);
    Publication publication =
        FollowUpRequests.publication(request.url(), request.summary(), request.by());
    IncidentRecord incident = IncidentResource.record(incidents, id);
    requests.publish(incident, publication);
    return get(incident.id());
  }
}
