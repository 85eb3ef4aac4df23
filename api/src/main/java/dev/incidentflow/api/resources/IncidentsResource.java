package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.IncidentFilter;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.activities.store.NulFreeText;
import dev.incidentflow.api.core.AlertMapper;
import dev.incidentflow.api.core.DeclarationIds;
import dev.incidentflow.api.core.DeclarationStage;
import dev.incidentflow.api.core.Declarations;
import dev.incidentflow.api.core.IncidentGateway;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.errors.UnexpectedErrorMapper;
import dev.incidentflow.api.json.Declaration;
import dev.incidentflow.api.json.IncidentJson;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.incident.IncidentInput;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Declaring incidents by hand, and listing them from PostgreSQL. */
@Path("/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentsResource {
  private static final Logger log = LoggerFactory.getLogger(IncidentsResource.class);

  /**
   * The longest any read of the store's answer about an Idempotency-Key waits, where a healthy
   * database answers the indexed lookup in milliseconds; past it the declaration goes on without
   * the answer. Before, a hung database held the declaration for the driver's socket timeout (30
   * s).
   */
  static final Duration STORE_LOOKUP_WAIT = Duration.ofSeconds(2);

  /** The list's parameters; offset and page are refused with their own reason. */
  private static final List<String> LIST_PARAMETERS =
      List.of("status", "severity", "service", "q", "before", "limit", "offset", "page");

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
   * page; 202 with the workflow id when that takes longer than the API waits (no worker up, Slack,
   * PagerDuty or the database slow), whose {@code Location} names the declaration, which leads to
   * the incident once it is numbered ({@link DeclarationResource}).
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response declare(
      @HeaderParam("Idempotency-Key") String idempotencyKey, Declaration declaration) {
    IncidentActionItemsResource.checkIdempotencyKey(idempotencyKey);
    IncidentInput input = declarations.input(AlertmanagerResource.required(declaration));
    IncidentGateway.Declared declared;
    if (idempotencyKey == null) {
      declared = gateway.declare(input);
    } else {
      Optional<IncidentRecord> stored = declaredInStore(idempotencyKey);
      if (stored.isPresent()) {
        return declaredAs(stored.get(), idempotencyKey, input);
      }
      Optional<IncidentGateway.Declared> once = gateway.declareOnce(input, idempotencyKey);
      if (once.isEmpty()) {
        return declaredBefore(idempotencyKey, input);
      }
      declared = once.get();
    }
    if (declared.view().isEmpty()) {
      return DeclarationResource.starting(declared.workflowId());
    }
    String id = declared.view().get().incidentId();
    return Response.created(URI.create("/v1/incidents/" + id))
        .entity(IncidentResource.load(repository, id))
        .build();
  }

  /**
   * The incident a declaration with {@code idempotencyKey} opened, as the store has it: asked
   * before Temporal, which forgets an ended declaration's workflow once its namespace's retention
   * has passed, and the key would then start a second incident. Empty when PostgreSQL is
   * unavailable, or hangs past {@link #STORE_LOOKUP_WAIT}: a declaration must not wait for the
   * database (it may be what is down), and Temporal still refuses a second workflow of the key
   * while it keeps the first.
   */
  private Optional<IncidentRecord> declaredInStore(String idempotencyKey) {
    try {
      return repository.latestOf(DeclarationIds.of(idempotencyKey), STORE_LOOKUP_WAIT);
    } catch (RuntimeException failed) {
      if (!UnexpectedErrorMapper.isDatabaseUnavailable(failed)) {
        throw failed;
      }
      log.warn(
          "declaring under an Idempotency-Key without the store's answer: {}", failed.toString());
      return Optional.empty();
    }
  }

  /**
   * The answer to a declaration sent again with the {@code Idempotency-Key} of one made before: 200
   * with its incident, 202 while that still opens, 409 when the key declared another incident.
   */
  private Response declaredBefore(String idempotencyKey, IncidentInput input) {
    String workflowId = DeclarationIds.of(idempotencyKey);
    Optional<IncidentRecord> incident =
        repository.latestNumberOf(workflowId).flatMap(repository::find);
    if (incident.isEmpty()) {
      if (gateway.declarationStage(workflowId) != DeclarationStage.ENDED) {
        return DeclarationResource.starting(workflowId);
      }
      // Its workflow ended (an operator stopped it) before the incident was recorded: asked again,
      // the store may have it now, the opening's insert having landed after all.
      incident = repository.latestNumberOf(workflowId).flatMap(repository::find);
      if (incident.isEmpty()) {
        throw new ApiException(
            409,
            "Idempotency-Key '"
                + idempotencyKey
                + "' declared an incident whose declaration ("
                + workflowId
                + ") ended before it was opened; send a new key to declare it again",
            List.of());
      }
    }
    return declaredAs(incident.get(), idempotencyKey, input);
  }

  /**
   * The answer to a declaration sent again with the {@code Idempotency-Key} that declared {@code
   * declared}: 200 with it, 409 when the key declared another incident.
   */
  private Response declaredAs(IncidentRecord declared, String idempotencyKey, IncidentInput input) {
    // Compared as stored: the store keeps a NUL as U+FFFD. Neither title nor service changes once
    // declared; the severity may have, so it is not compared.
    if (!declared.title().equals(NulFreeText.of(input.title()))
        || !declared.service().equals(NulFreeText.of(input.service()))) {
      throw new ApiException(
          409,
          "Idempotency-Key '"
              + idempotencyKey
              + "' already declared "
              + declared.id()
              + " ("
              + declared.title()
              + ", service "
              + declared.service()
              + "), another incident; send a new key for a new incident",
          List.of());
    }
    return Response.ok(IncidentResource.load(repository, declared.id()))
        .location(URI.create("/v1/incidents/" + declared.id()))
        .build();
  }

  /**
   * The incidents matching the filters, newest first, at most {@code limit} of them. A repeated
   * {@code status}, {@code severity} or {@code service} matches any of its values. A full page
   * carries a {@code Link} header with {@code rel="next"}: the same list after its last incident
   * ({@code before=INC-<n>}), which new incidents do not shift.
   */
  @GET
  public Response list(
      @QueryParam("status") List<String> statuses,
      @QueryParam("severity") List<String> severities,
      @QueryParam("service") List<String> services,
      @QueryParam("q") List<String> queries,
      @QueryParam("before") List<String> befores,
      @QueryParam("limit") List<String> limits,
      @QueryParam("offset") List<String> offsets,
      @QueryParam("page") List<String> pages,
      @Context UriInfo uri) {
    Problems problems = new Problems();
    Set<IncidentStatus> wantedStatuses =
        QueryParameters.each(
            statuses,
            IncidentStatus::parse,
            status ->
                "status '"
                    + status
                    + "' is not one of triggered, acknowledged, "
                    + "identified, mitigated, resolved, closed, canceled",
            problems);
    Set<Severity> wantedSeverities = QueryParameters.severities(severities, mapper, problems);
    Set<String> wantedServices = QueryParameters.services(services, mapper);
    String query = QueryParameters.single("q", queries, problems);
    IncidentNumber before = null;
    String beforeText = QueryParameters.single("before", befores, problems);
    if (!Problems.isBlank(beforeText)) {
      before = IncidentNumber.parse(beforeText.strip()).orElse(null);
      if (before == null) {
        problems.add("before must be an incident id (INC-<number>), not '" + beforeText + "'");
      } else if (repository.find(before.number()).isEmpty()) {
        problems.add("before names " + before.id() + ", which does not exist");
        before = null;
      }
    }
    int max =
        QueryParameters.limit(
            limits, IncidentFilter.DEFAULT_LIMIT, IncidentFilter.MAX_LIMIT, problems);
    for (String paging : List.of("offset", "page")) {
      problems.check(
          (paging.equals("offset") ? offsets : pages).isEmpty(),
          paging
              + " is not supported: follow the Link header's rel=\"next\", or give"
              + " before=INC-<n> with the last incident of the page before");
    }
    QueryParameters.refuseUnknown(uri, LIST_PARAMETERS, problems);
    problems.throwIfAny("invalid filter");
    IncidentFilter filter =
        new IncidentFilter(wantedStatuses, wantedSeverities, wantedServices, query, before, max);
    List<IncidentJson> incidents =
        repository.list(filter).stream().map(record -> IncidentJson.of(record, null)).toList();
    return QueryParameters.page(incidents, max, uri, "before", IncidentJson::id);
  }
}
