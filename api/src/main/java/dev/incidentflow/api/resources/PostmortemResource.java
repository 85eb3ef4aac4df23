package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.api.core.FollowUpRequests;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.json.HandoverRequest;
import dev.incidentflow.api.json.PostmortemJson;
import dev.incidentflow.api.json.PublishRequest;
import dev.incidentflow.workflows.postmortem.Handover;
import dev.incidentflow.workflows.postmortem.Publication;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An incident's postmortem: read it, publish it, hand it over to another owner. */
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

  /**
   * Hands the postmortem over to another owner: 200 with it once the new owner is saved (the owner
   * it has already is answered at once); 404 when the incident has no postmortem; 409 when it is
   * published; 422 naming each bad field; 503 when its workflow did not confirm in time.
   */
  @POST
  @Path("/owner")
  @Consumes(MediaType.APPLICATION_JSON)
  public PostmortemJson handOver(@PathParam("id") String id, HandoverRequest body) {
    HandoverRequest request = AlertmanagerResource.required(body);
    Handover handover = requests.handover(request.owner(), request.by());
    IncidentRecord incident = IncidentResource.record(incidents, id);
    return PostmortemJson.of(requests.handOver(incident, handover));
  }
}
