package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.ActionItemFilter;
import dev.incidentflow.activities.store.ActionItemRow;
import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.api.core.People;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.ActionItemJson;
import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.model.ActionItemStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every incident's action items, soonest due first; {@code ?status=overdue} is the nag list. A
 * repeated {@code status} or {@code owner} matches any of its values. A full page carries a {@code
 * Link} header with {@code rel="next"}: the same list after its last item ({@code after=AI-<n>}).
 */
@Path("/v1/action-items")
@Produces(MediaType.APPLICATION_JSON)
public class ActionItemsResource {
  private static final List<String> PARAMETERS = List.of("status", "owner", "after", "limit");

  private final FollowUpRepository followUps;
  private final People people;

  public ActionItemsResource(FollowUpRepository followUps, People people) {
    this.followUps = requireNonNull(followUps, "followUps is null");
    this.people = requireNonNull(people, "people is null");
  }

  @GET
  public Response list(
      @QueryParam("status") List<String> statuses,
      @QueryParam("owner") List<String> owners,
      @QueryParam("after") List<String> afters,
      @QueryParam("limit") List<String> limits,
      @Context UriInfo uri) {
    Problems problems = new Problems();
    QueryParameters.refuseUnknown(uri, PARAMETERS, problems);
    Set<ActionItemStatus> wantedStatuses =
        QueryParameters.each(
            statuses,
            ActionItemStatus::parse,
            status -> "status '" + status + "' must be open, overdue or done",
            problems);
    Set<String> wantedOwners =
        QueryParameters.owners(owners, people, this::ownsNothing, "action item", problems);
    ActionItemFilter.Position after = null;
    String afterText = QueryParameters.single("after", afters, problems);
    if (!Problems.isBlank(afterText)) {
      Optional<ActionItemRow> item =
          ActionItemNumber.parse(afterText.strip())
              .flatMap(number -> followUps.actionItem(number.number()));
      if (item.isPresent()) {
        after = ActionItemFilter.Position.of(item.get());
      } else {
        problems.add(
            ActionItemNumber.parse(afterText.strip()).isPresent()
                ? "after names " + afterText.strip() + ", which does not exist"
                : "after must be an action item id (AI-<number>), not '" + afterText + "'");
      }
    }
    int max =
        QueryParameters.limit(
            limits, ActionItemFilter.DEFAULT_LIMIT, ActionItemFilter.MAX_LIMIT, problems);
    problems.throwIfAny("invalid filter");
    List<ActionItemJson> items =
        followUps
            .actionItems(new ActionItemFilter(wantedStatuses, wantedOwners, null, after, max))
            .stream()
            .map(ActionItemJson::of)
            .toList();
    return QueryParameters.page(items, max, uri, "after", ActionItemJson::id);
  }

  private boolean ownsNothing(String handle) {
    return followUps
        .actionItems(new ActionItemFilter(Set.of(), Set.of(handle), null, null, 1))
        .isEmpty();
  }
}
