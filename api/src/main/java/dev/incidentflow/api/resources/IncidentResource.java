package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.api.core.AlertMapper;
import dev.incidentflow.api.core.IncidentContextLookup;
import dev.incidentflow.api.core.IncidentGateway;
import dev.incidentflow.api.core.IncidentHistories;
import dev.incidentflow.api.core.IncidentLookup;
import dev.incidentflow.api.core.People;
import dev.incidentflow.api.core.Refusal;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.IncidentDetailJson;
import dev.incidentflow.api.json.IncidentJson;
import dev.incidentflow.api.json.NoteRequest;
import dev.incidentflow.api.json.RoleRequest;
import dev.incidentflow.api.json.SeverityRequest;
import dev.incidentflow.api.json.TransitionRequest;
import dev.incidentflow.workflows.incident.IncidentView;
import dev.incidentflow.workflows.incident.IncidentWorkflow;
import dev.incidentflow.workflows.incident.Note;
import dev.incidentflow.workflows.incident.RoleAssignment;
import dev.incidentflow.workflows.incident.SeverityChange;
import dev.incidentflow.workflows.incident.Transition;
import dev.incidentflow.workflows.model.Severity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.common.WorkflowExecutionHistory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * One incident: read it from PostgreSQL, read its Temporal history, and change it through the
 * workflow's Updates. A refused change answers 409 (or 422) with the workflow's reason and changes
 * nothing.
 */
@Path("/v1/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {
  private final IncidentGateway gateway;
  private final IncidentRepository repository;
  private final AlertMapper mapper;
  private final IncidentContextLookup context;
  private final People people;

  public IncidentResource(
      IncidentGateway gateway,
      IncidentRepository repository,
      AlertMapper mapper,
      IncidentContextLookup context,
      People people) {
    this.gateway = requireNonNull(gateway, "gateway is null");
    this.repository = requireNonNull(repository, "repository is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.context = requireNonNull(context, "context is null");
    this.people = requireNonNull(people, "people is null");
  }

  /**
   * The incident with its timeline, the deploys just before it, similar incidents and what it
   * repeats.
   */
  @GET
  public IncidentDetailJson get(@PathParam("id") String id) {
    IncidentRepository.WithTimeline incident = new IncidentLookup(repository).withTimeline(id);
    return IncidentDetailJson.of(
        IncidentJson.of(incident.incident(), incident.timeline()), context.of(incident.incident()));
  }

  /**
   * The incident's event history as Temporal exports it: its latest run (see {@link
   * IncidentHistories}); 404 once Temporal no longer keeps it.
   */
  @GET
  @Path("/history")
  public Response history(@PathParam("id") String id) {
    IncidentRecord incident = record(repository, id);
    WorkflowExecutionHistory history;
    try {
      history = new IncidentHistories(gateway.client()).latestRun(incident);
    } catch (WorkflowNotFoundException | StatusRuntimeException gone) {
      if (gone instanceof StatusRuntimeException status
          && status.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw status;
      }
      throw ApiException.notFound(
          incident.id() + "'s history is no longer kept by Temporal (past its retention)");
    }
    return Response.ok(history.toJson(true), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @POST
  @Path("/acknowledge")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson acknowledge(@PathParam("id") String id, TransitionRequest body) {
    return transition(id, body, IncidentWorkflow::acknowledge);
  }

  @POST
  @Path("/identify")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson identify(@PathParam("id") String id, TransitionRequest body) {
    return transition(id, body, IncidentWorkflow::identify);
  }

  @POST
  @Path("/mitigate")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson mitigate(@PathParam("id") String id, TransitionRequest body) {
    return transition(id, body, IncidentWorkflow::mitigate);
  }

  @POST
  @Path("/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson resolve(@PathParam("id") String id, TransitionRequest body) {
    return transition(id, body, IncidentWorkflow::resolve);
  }

  @POST
  @Path("/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson reopen(@PathParam("id") String id, TransitionRequest body) {
    return transition(id, body, IncidentWorkflow::reopen);
  }

  @POST
  @Path("/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson cancel(@PathParam("id") String id, TransitionRequest body) {
    return transition(id, body, IncidentWorkflow::cancel);
  }

  @POST
  @Path("/escalate")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson escalate(@PathParam("id") String id, TransitionRequest body) {
    return transition(id, body, IncidentWorkflow::escalate);
  }

  @POST
  @Path("/severity")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson severity(@PathParam("id") String id, SeverityRequest body) {
    SeverityRequest request = AlertmanagerResource.required(body);
    Problems problems = new Problems().requireText("by", request.by());
    Severity severity = mapper.severity("severity", request.severity(), problems);
    problems.throwIfAny("invalid severity change");
    return change(
        id,
        (workflow, incident) ->
            workflow.changeSeverity(
                new SeverityChange(severity, request.by(), request.note(), incident)));
  }

  @POST
  @Path("/roles")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson roles(@PathParam("id") String id, RoleRequest body) {
    RoleRequest request = AlertmanagerResource.required(body);
    Problems problems =
        new Problems()
            .requireText("role", request.role())
            .requireText("person", request.person())
            .requireText("by", request.by());
    people.check(problems, "person", request.person()).throwIfAny("invalid role assignment");
    return change(
        id,
        (workflow, incident) ->
            workflow.assignRole(
                new RoleAssignment(
                    // In any case, as the person is: Commander is the commander role.
                    request.role().trim().toLowerCase(Locale.ROOT),
                    people.handle(request.person()),
                    request.by(),
                    incident)));
  }

  @POST
  @Path("/updates")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson update(@PathParam("id") String id, NoteRequest body) {
    return note(id, body, "invalid status update", IncidentWorkflow::postStatusUpdate);
  }

  @POST
  @Path("/decisions")
  @Consumes(MediaType.APPLICATION_JSON)
  public IncidentJson decision(@PathParam("id") String id, NoteRequest body) {
    return note(id, body, "invalid decision", IncidentWorkflow::logDecision);
  }

  private IncidentJson note(
      String id,
      NoteRequest body,
      String what,
      BiFunction<IncidentWorkflow, Note, IncidentView> call) {
    NoteRequest request = AlertmanagerResource.required(body);
    new Problems()
        .requireText("text", request.text())
        .requireText("by", request.by())
        .throwIfAny(what);
    return change(
        id,
        (workflow, incident) ->
            call.apply(workflow, new Note(request.text(), request.by(), incident)));
  }

  private IncidentJson transition(
      String id,
      TransitionRequest body,
      BiFunction<IncidentWorkflow, Transition, IncidentView> call) {
    TransitionRequest request = AlertmanagerResource.required(body);
    new Problems().requireText("by", request.by()).throwIfAny("invalid request");
    return change(
        id,
        (workflow, incident) ->
            call.apply(workflow, new Transition(request.by(), request.note(), incident)));
  }

  /**
   * Sends the Update {@code call} makes, given the incident's stub and its id (the change names the
   * incident it is meant for, see {@code MeantFor}).
   */
  private IncidentJson change(String id, BiFunction<IncidentWorkflow, String, IncidentView> call) {
    IncidentRecord incident = record(repository, id);
    try {
      gateway.update(incident, workflow -> call.apply(workflow, incident.id()));
    } catch (Refusal refusal) {
      throw refusal.toApiException();
    }
    return load(repository, incident.id());
  }

  static IncidentJson load(IncidentRepository repository, String id) {
    return new IncidentLookup(repository).json(id);
  }

  static IncidentRecord record(IncidentRepository repository, String id) {
    return new IncidentLookup(repository).record(id);
  }
}
