package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.PostmortemFilter;
import dev.incidentflow.api.core.AlertMapper;
import dev.incidentflow.api.core.People;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.ListedPostmortemJson;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.Severity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The postmortem library: every incident's postmortem, soonest due first, then by incident number.
 * Due order puts the most urgent first in the leaders' view ({@code
 * status=overdue&status=scheduled}), and it is the one order that stays put while postmortems fall
 * overdue or are published between two pages (a status-first order would move them). Statuses and
 * action items are judged past due as of the request, as the metrics judge them. Filters and paging
 * follow {@link ActionItemsResource}: a repeated {@code status}, {@code severity}, {@code service}
 * or {@code owner} matches any of its values, {@code q} is {@link IncidentsResource}'s full-text
 * search over the incidents, and a full page carries a {@code Link} header with {@code rel="next"}
 * ({@code after=INC-<n>}, the incident of the page's last postmortem).
 */
@Path("/v1/postmortems")
@Produces(MediaType.APPLICATION_JSON)
public class PostmortemsResource {
  private static final List<String> PARAMETERS =
      List.of("status", "severity", "service", "owner", "q", "after", "limit");

  private final FollowUpRepository followUps;
  private final AlertMapper mapper;
  private final People people;
  private final Clock clock;

  public PostmortemsResource(
      FollowUpRepository followUps, AlertMapper mapper, People people, Clock clock) {
    this.followUps = requireNonNull(followUps, "followUps is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.people = requireNonNull(people, "people is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @GET
  public Response list(
      @QueryParam("status") List<String> statuses,
      @QueryParam("severity") List<String> severities,
      @QueryParam("service") List<String> services,
      @QueryParam("owner") List<String> owners,
      @QueryParam("q") List<String> queries,
      @QueryParam("after") List<String> afters,
      @QueryParam("limit") List<String> limits,
      @Context UriInfo uri) {
    Problems problems = new Problems();
    QueryParameters.refuseUnknown(uri, PARAMETERS, problems);
    Set<PostmortemStatus> wantedStatuses =
        QueryParameters.each(
            statuses,
            PostmortemStatus::parse,
            status -> "status '" + status + "' must be scheduled, overdue or published",
            problems);
    Set<Severity> wantedSeverities = QueryParameters.severities(severities, mapper, problems);
    Set<String> wantedServices = QueryParameters.services(services, mapper);
    Set<String> wantedOwners =
        QueryParameters.owners(owners, people, this::ownsNothing, "postmortem", problems);
    String query = QueryParameters.single("q", queries, problems);
    PostmortemFilter.Position after =
        after(QueryParameters.single("after", afters, problems), problems);
    int max =
        QueryParameters.limit(
            limits, PostmortemFilter.DEFAULT_LIMIT, PostmortemFilter.MAX_LIMIT, problems);
    problems.throwIfAny("invalid filter");
    List<ListedPostmortemJson> postmortems =
        followUps
            .postmortems(
                new PostmortemFilter(
                    wantedStatuses,
                    wantedSeverities,
                    wantedServices,
                    wantedOwners,
                    query,
                    after,
                    clock.instant(),
                    max))
            .stream()
            .map(ListedPostmortemJson::of)
            .toList();
    return QueryParameters.page(postmortems, max, uri, "after", ListedPostmortemJson::incident);
  }

  private boolean ownsNothing(String handle) {
    return followUps
        .postmortems(
            new PostmortemFilter(
                Set.of(), Set.of(), Set.of(), Set.of(handle), null, null, clock.instant(), 1))
        .isEmpty();
  }

  /** Where the page starts: after the postmortem of the incident {@code text} names. */
  private PostmortemFilter.Position after(String text, Problems problems) {
    if (Problems.isBlank(text)) {
      return null;
    }
    IncidentNumber incident = IncidentNumber.parse(text.strip()).orElse(null);
    if (incident == null) {
      problems.add("after must be an incident id (INC-<number>), not '" + text + "'");
      return null;
    }
    Optional<PostmortemRecord> postmortem = followUps.postmortem(incident.number());
    problems.check(
        postmortem.isPresent(), "after names " + incident.id() + ", which has no postmortem");
    return postmortem.map(PostmortemFilter.Position::of).orElse(null);
  }
}
