package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.api.core.DeclarationIds;
import dev.incidentflow.api.core.IncidentGateway;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.json.DeclarationJson;
import dev.incidentflow.workflows.activities.IncidentNumber;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A declaration that {@code POST /v1/incidents} answered with 202 before its incident was numbered:
 * where the answer's {@code Location} points, so that its caller can learn which incident it opened
 * instead of declaring again.
 */
@Path("/v1/declarations/{workflowId}")
@Produces(MediaType.APPLICATION_JSON)
public class DeclarationResource {
  /** Seconds a caller is asked to wait before asking again about a declaration still opening. */
  static final String RETRY_AFTER_SECONDS = "1";

  private final IncidentGateway gateway;
  private final IncidentRepository repository;

  public DeclarationResource(IncidentGateway gateway, IncidentRepository repository) {
    this.gateway = requireNonNull(gateway, "gateway is null");
    this.repository = requireNonNull(repository, "repository is null");
  }

  /**
   * Where declaration {@code workflowId} of {@code POST /v1/incidents}'s 202 answer is looked up.
   */
  static URI location(String workflowId) {
    return URI.create("/v1/declarations/" + workflowId);
  }

  /**
   * 303 See Other to the incident once the declaration's workflow has numbered it, also after the
   * incident was canceled or closed; 202 while it is still opening; 404 when no declaration has
   * that workflow id, or its workflow was ended before it opened an incident.
   */
  @GET
  public Response get(@PathParam("workflowId") String workflowId) {
    if (!DeclarationIds.isDeclaration(workflowId)) {
      // Checked before Temporal is asked, so only ids that POST /v1/incidents makes reach it.
      throw new ApiException(
          404,
          "'" + workflowId + "' is not a declaration's workflow id (declared-<uuid>)",
          List.of());
    }
    // The store first: the incident is there from the moment it has its number, whatever became
    // of its workflow since, and reading it needs no worker.
    Optional<String> incidentId =
        repository.latestNumberOf(workflowId).map(number -> new IncidentNumber(number).id());
    if (incidentId.isPresent()) {
      return Response.seeOther(URI.create("/v1/incidents/" + incidentId.get()))
          .entity(DeclarationJson.opened(workflowId, incidentId.get()))
          .build();
    }
    return switch (gateway.declarationStage(workflowId)) {
      case UNKNOWN -> throw ApiException.notFound("no declaration has workflow id " + workflowId);
      case OPENING -> starting(workflowId);
      case ENDED ->
          throw ApiException.notFound(
              "declaration " + workflowId + " ended before it opened an incident");
    };
  }

  /** The 202 answer for a declaration still opening, here and from {@code POST /v1/incidents}. */
  static Response starting(String workflowId) {
    return Response.accepted(DeclarationJson.starting(workflowId))
        .location(location(workflowId))
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }
}
