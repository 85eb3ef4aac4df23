package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.IncidentFilter;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.api.core.AlertMapper;
import dev.incidentflow.api.core.Declarations;
import dev.incidentflow.api.core.IncidentGateway;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.Declaration;
import dev.incidentflow.api.json.IncidentJson;
import dev.incidentflow.workflows.incident.IncidentInput;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Declaring incidents by hand, and listing them from PostgreSQL. */
@Path("/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentsResource {
  private final IncidentGateway gateway;
  private final IncidentRepository repository;
  private final AlertMapper mapper;
  private final Declarations declarations;

  public IncidentsResource(
      IncidentGateway gateway,
      IncidentRepository repository,
      AlertMapper mapper,
      Declarations declarations) {
    this.gateway = requireNonNull(gateway, "gateway is null");
    this.repository = requireNonNull(repository, "repository is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.declarations = requireNonNull(declarations, "declarations is null");
  }

  /**
   * Declares an incident. Answers 201 with the incident once it has its number, channel and first
   * page; 202 with the workflow id when that takes longer than the API waits (no worker up).
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response declare(Declaration declaration) {
    IncidentInput input = declarations.input(AlertmanagerResource.required(declaration));
    IncidentGateway.Declared declared = gateway.declare(input);
    if (declared.view().isEmpty()) {
      return Response.accepted(Map.of("workflowId", declared.workflowId(), "status", "starting"))
          .build();
    }
    String id = declared.view().get().incidentId();
    return Response.created(URI.create("/v1/incidents/" + id))
        .entity(IncidentResource.load(repository, id))
        .build();
  }

  @GET
  public List<IncidentJson> list(
      @QueryParam("status") String status,
      @QueryParam("severity") String severity,
      @QueryParam("service") String service,
      @QueryParam("q") String query,
      @QueryParam("limit") @DefaultValue("100") String limit) {
    Problems problems = new Problems();
    IncidentStatus wantedStatus = null;
    if (!Problems.isBlank(status)) {
      wantedStatus = IncidentStatus.parse(status).orElse(null);
      problems.check(
          wantedStatus != null,
          "status '"
              + status
              + "' is not one of triggered, acknowledged, "
              + "identified, mitigated, resolved, closed, canceled");
    }
    Severity wantedSeverity =
        Problems.isBlank(severity) ? null : mapper.severity("severity", severity, problems);
    int max = 100;
    try {
      max = Integer.parseInt(limit.trim());
    } catch (NumberFormatException notAnInt) {
      max = 0;
    }
    problems.check(
        max >= 1 && max <= 500, "limit must be a whole number from 1 to 500, not '" + limit + "'");
    problems.throwIfAny("invalid filter");
    try {
      return repository
          .list(
              new IncidentFilter(
                  wantedStatus,
                  wantedSeverity,
                  Problems.isBlank(service) ? service : mapper.service(service),
                  query,
                  max))
          .stream()
          .map(record -> IncidentJson.of(record, null))
          .toList();
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid filter", List.of(e.getMessage()));
    }
  }
}
