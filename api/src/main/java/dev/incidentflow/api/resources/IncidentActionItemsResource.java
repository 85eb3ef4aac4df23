package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.directory.Catalog;
import dev.incidentflow.activities.store.ActionItemFilter;
import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.api.core.FollowUpGateway;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.ActionItemJson;
import dev.incidentflow.api.json.ActionItemRequest;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.policy.ActionItemPolicy;
import dev.incidentflow.workflows.postmortem.ActionItemInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The action items of one incident: add one while the incident or its postmortem is open; list them. */
@Path("/v1/incidents/{id}/action-items")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentActionItemsResource {
  private final FollowUpGateway gateway;
  private final IncidentRepository incidents;
  private final FollowUpRepository followUps;
  private final Catalog catalog;
  private final ActionItemPolicy policy;

  public IncidentActionItemsResource(FollowUpGateway gateway, IncidentRepository incidents,
      FollowUpRepository followUps, Catalog catalog, ActionItemPolicy policy) {
    this.gateway = requireNonNull(gateway, "gateway is null");
    this.incidents = requireNonNull(incidents, "incidents is null");
    this.followUps = requireNonNull(followUps, "followUps is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.policy = requireNonNull(policy, "policy is null");
  }

  @GET
  public List<ActionItemJson> list(@PathParam("id") String id) {
    IncidentRecord incident = IncidentResource.record(incidents, id);
    return followUps.actionItems(new ActionItemFilter(null, null, incident.number(), ActionItemFilter.MAX_LIMIT))
        .stream().map(ActionItemJson::of).toList();
  }

  /**
   * Adds an action item: 201 with it once recorded (with its Jira issue unless Jira is slow), 202
   * with the workflow id when no worker picks it up in time, 409 when the incident and its
   * postmortem are both over, 422 naming each bad field.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(@PathParam("id") String id, ActionItemRequest body) {
    ActionItemRequest request = AlertmanagerResource.required(body);
    Problems problems = new Problems().requireText("title", request.title()).requireText("owner", request.owner())
        .requireText("due", request.due()).requireText("kind", request.kind());
    if (!Problems.isBlank(request.owner())) {
      problems.check(catalog.person(request.owner().trim()).isPresent(),
          "owner '" + request.owner().trim() + "' is not a person in the catalog");
    }
    LocalDate due = null;
    if (!Problems.isBlank(request.due())) {
      try {
        due = LocalDate.parse(request.due().trim());
      } catch (DateTimeParseException e) {
        problems.add("due '" + request.due() + "' is not a date (use 2026-11-27)");
      }
    }
    Optional<ActionItemKind> kind = ActionItemKind.parse(request.kind());
    if (!Problems.isBlank(request.kind())) {
      problems.check(kind.isPresent(), "kind '" + request.kind() + "' must be root_cause or improvement");
    }
    problems.throwIfAny("invalid action item");
    IncidentRecord incident = IncidentResource.record(incidents, id);
    refuseWhenOver(incident);
    FollowUpGateway.Added added = gateway.add(new ActionItemInput(incident.number(), incident.service(),
        request.title().trim(), request.owner().trim(), due, kind.get(), request.by(), policy, 0, null));
    if (added.view().isEmpty()) {
      return Response.accepted(Map.of("workflowId", added.workflowId(), "status", "starting")).build();
    }
    ActionItemJson item = ActionItemJson.of(added.view().get());
    return Response.created(URI.create("/v1/action-items?owner=" + item.owner())).entity(item).build();
  }

  private void refuseWhenOver(IncidentRecord incident) {
    if (incident.status() == IncidentStatus.CANCELED) {
      throw new ApiException(409, incident.id() + " was canceled as a false alarm; it has no action items", List.of());
    }
    if (incident.status() != IncidentStatus.CLOSED) {
      return;
    }
    Optional<PostmortemRecord> postmortem = followUps.postmortem(incident.number());
    if (postmortem.isEmpty()) {
      throw new ApiException(409, incident.id() + " is closed and has no open postmortem", List.of());
    }
    if (postmortem.get().status() == PostmortemStatus.PUBLISHED) {
      throw new ApiException(409, incident.id() + " is closed and its postmortem is published", List.of());
    }
  }
}
