package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.api.core.FollowUpRequests;
import dev.incidentflow.api.json.ActionItemJson;
import dev.incidentflow.api.json.TransitionRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One action item: marking it done, for an item no Jira issue tracks (see {@link
 * FollowUpRequests#markDone}). The answer is the item as {@code GET /v1/action-items} lists it.
 */
@Path("/v1/action-items/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ActionItemResource {
  private final FollowUpRequests requests;

  public ActionItemResource(FollowUpRequests requests) {
    this.requests = requireNonNull(requests, "requests is null");
  }

  @POST
  @Path("/done")
  @Consumes(MediaType.APPLICATION_JSON)
  public ActionItemJson done(@PathParam("id") String id, TransitionRequest body) {
    TransitionRequest request = AlertmanagerResource.required(body);
    return ActionItemJson.of(requests.markDone(id, request.by(), request.note()));
  }
}
