package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.ActionItemFilter;
import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.api.core.FollowUpGateway;
import dev.incidentflow.api.core.FollowUpRequests;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.json.ActionItemJson;
import dev.incidentflow.api.json.ActionItemRequest;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.postmortem.ActionItemView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The action items of one incident: add one while the incident or its postmortem is open; list
 * them.
 */
@Path("/v1/incidents/{id}/action-items")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentActionItemsResource {
  /** The longest {@code Idempotency-Key} taken. */
  static final int LONGEST_KEY = 255;

  private final FollowUpRequests requests;
  private final IncidentRepository incidents;
  private final FollowUpRepository followUps;

  public IncidentActionItemsResource(
      FollowUpRequests requests, IncidentRepository incidents, FollowUpRepository followUps) {
    this.requests = requireNonNull(requests, "requests is null");
    this.incidents = requireNonNull(incidents, "incidents is null");
    this.followUps = requireNonNull(followUps, "followUps is null");
  }

  @GET
  public List<ActionItemJson> list(@PathParam("id") String id) {
    IncidentRecord incident = IncidentResource.record(incidents, id);
    return followUps
        .actionItems(ActionItemFilter.ofIncident(incident.number(), ActionItemFilter.MAX_LIMIT))
        .stream()
        .map(ActionItemJson::of)
        .toList();
  }

  /**
   * Adds an action item: 201 with it once recorded (with its Jira issue unless Jira is slow), 202
   * with the workflow id when no worker picks it up in time, 409 when the incident and its
   * postmortem are both over, 422 naming each bad field.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(
      @PathParam("id") String id,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      ActionItemRequest body) {
    checkIdempotencyKey(idempotencyKey);
    ActionItemRequest request = AlertmanagerResource.required(body);
    FollowUpRequests.ActionItem item =
        requests.actionItem(
            request.title(), request.owner(), request.due(), request.kind(), request.by());
    FollowUpGateway.Added added =
        requests.add(IncidentResource.record(incidents, id), item, idempotencyKey);
    if (added.view().isEmpty()) {
      return Response.accepted(Map.of("workflowId", added.workflowId(), "status", "starting"))
          .build();
    }
    ActionItemView view = added.view().get();
    // An add sent again with its key after the item was done: the view does not say when it was
    // done or by whom, its stored row does once its workflow saved it.
    ActionItemJson json =
        ActionItemJson.of(
            view, view.status() == ActionItemStatus.DONE ? requests.stored(view.id()) : null);
    return Response.created(ownersItems(json.owner())).entity(json).build();
  }

  /**
   * Where {@code owner}'s action items are listed, the handle encoded: a catalog handle may hold a
   * space or a {@code %}, which made the item's answer a 500 after it was added.
   */
  static URI ownersItems(String owner) {
    return UriBuilder.fromPath("/v1/action-items").queryParam("owner", "{owner}").build(owner);
  }

  /**
   * Refuses an {@code Idempotency-Key} header that is sent blank or too long, here and on {@code
   * POST /v1/incidents}.
   */
  static void checkIdempotencyKey(String idempotencyKey) {
    if (idempotencyKey != null
        && (idempotencyKey.isBlank() || idempotencyKey.length() > LONGEST_KEY)) {
      throw ApiException.invalid(
          "invalid Idempotency-Key",
          List.of(
              "Idempotency-Key must be 1 to " + LONGEST_KEY + " characters, not blank, when sent"));
    }
  }
}
