package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.ActionItemFilter;
import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.api.core.People;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.api.json.ActionItemJson;
import dev.incidentflow.workflows.model.ActionItemStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Every incident's action items, soonest due first; {@code ?status=overdue} is the nag list. */
@Path("/v1/action-items")
@Produces(MediaType.APPLICATION_JSON)
public class ActionItemsResource {
  private final FollowUpRepository followUps;
  private final People people;

  public ActionItemsResource(FollowUpRepository followUps, People people) {
    this.followUps = requireNonNull(followUps, "followUps is null");
    this.people = requireNonNull(people, "people is null");
  }

  @GET
  public List<ActionItemJson> list(
      @QueryParam("status") String status,
      @QueryParam("owner") String owner,
      @Context UriInfo uri) {
    Problems unknown = new Problems();
    QueryParameters.refuseUnknown(uri, List.of("status", "owner"), unknown);
    unknown.throwIfAny("invalid filter");
    ActionItemStatus wanted = null;
    if (!Problems.isBlank(status)) {
      wanted =
          ActionItemStatus.parse(status)
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          "invalid filter",
                          List.of("status '" + status + "' must be open, overdue or done")));
    }
    // Owners are kept by their catalog handle, as they are recorded (Alice is alice).
    String handle = people.handle(owner);
    if (handle != null && !people.knows(handle) && ownsNothing(handle)) {
      // A typo would list nothing, which reads as "nothing open"; someone who left the catalog
      // since still has the items they own listed.
      throw ApiException.invalid(
          "invalid filter",
          List.of("owner '" + handle + "' is not a person in the catalog and owns no action item"));
    }
    return followUps.actionItems(new ActionItemFilter(wanted, handle)).stream()
        .map(ActionItemJson::of)
        .toList();
  }

  private boolean ownsNothing(String handle) {
    return followUps.actionItems(new ActionItemFilter(null, handle, null, 1)).isEmpty();
  }
}
