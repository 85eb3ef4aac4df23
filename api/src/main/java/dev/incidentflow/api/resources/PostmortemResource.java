package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.api.core.FollowUpGateway;
import dev.incidentflow.api.core.Refusal;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.PostmortemJson;
import dev.incidentflow.api.json.PublishRequest;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.postmortem.Publication;
import io.temporal.client.WorkflowNotFoundException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** An incident's postmortem: read it, publish it. */
@Path("/v1/incidents/{id}/postmortem")
@Produces(MediaType.APPLICATION_JSON)
public class PostmortemResource {
  private final FollowUpGateway gateway;
  private final IncidentRepository incidents;
  private final FollowUpRepository followUps;

  public PostmortemResource(FollowUpGateway gateway, IncidentRepository incidents, FollowUpRepository followUps) {
    this.gateway = requireNonNull(gateway, "gateway is null");
    this.incidents = requireNonNull(incidents, "incidents is null");
    this.followUps = requireNonNull(followUps, "followUps is null");
  }

  @GET
  public PostmortemJson get(@PathParam("id") String id) {
    IncidentRecord incident = IncidentResource.record(incidents, id);
    return followUps.postmortem(incident.number()).map(PostmortemJson::of)
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
    Problems problems = new Problems().requireText("url", request.url()).requireText("by", request.by());
    if (!Problems.isBlank(request.url())) {
      problems.check(isWebUrl(request.url().trim()), "url must be an http(s) URL");
    }
    problems.throwIfAny("invalid publication");
    IncidentRecord incident = IncidentResource.record(incidents, id);
    try {
      gateway.publish(incident.number(), new Publication(request.url().trim(), request.summary(), request.by().trim()));
    } catch (Refusal refusal) {
      throw new ApiException(refusal.isConflict() ? 409 : 422, refusal.getMessage(), List.of());
    } catch (WorkflowNotFoundException ended) {
      Optional<PostmortemRecord> stored = followUps.postmortem(incident.number());
      throw new ApiException(409, stored.filter(pm -> pm.status() == PostmortemStatus.PUBLISHED)
          .map(pm -> "the postmortem of " + incident.id() + " is already published at " + pm.publishedUrl())
          .orElse(incident.id() + " has no postmortem to publish (its severity needs none, or it is not closed yet)"),
          List.of());
    }
    return get(incident.id());
  }

  private static boolean isWebUrl(String text) {
    try {
      URI uri = URI.create(text);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
