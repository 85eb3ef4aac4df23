package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.model.ActionItemStatus;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link FollowUpRepository#actionItems} returns: the items matching every given criterion,
 * soonest due first, then by number. An empty set (or a null incident number) matches everything; a
 * set matches any of its values.
 *
 * @param owners the owners' catalog handles
 * @param after null for the first page; otherwise only the items listed after this position (the
 *     last item of the page before)
 * @param limit at most this many items, 1 to {@value #MAX_LIMIT}
 */
public record ActionItemFilter(
    Set<ActionItemStatus> statuses,
    Set<String> owners,
    Long incidentNumber,
    Position after,
    int limit) {

  public static final int DEFAULT_LIMIT = 200;
  public static final int MAX_LIMIT = 1000;

  /** Where an item sits in the list's order: its due date, then its number. */
  public record Position(LocalDate due, long number) {
    public Position {
      requireNonNull(due, "due is null");
    }

    public static Position of(ActionItemRow item) {
      return new Position(item.due(), item.number());
    }
  }

  public ActionItemFilter {
    statuses = Set.copyOf(requireNonNull(statuses, "statuses is null"));
    owners =
        requireNonNull(owners, "owners is null").stream()
            .filter(owner -> owner != null && !owner.isBlank())
            .map(String::trim)
            .collect(Collectors.toUnmodifiableSet());
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  /**
   * The first {@value #DEFAULT_LIMIT} items with this status and owner (each null, or for the owner
   * blank, for any).
   */
  public ActionItemFilter(ActionItemStatus status, String owner) {
    this(
        status == null ? Set.of() : Set.of(status),
        owner == null ? Set.of() : Set.of(owner),
        null,
        null,
        DEFAULT_LIMIT);
  }

  /** The first {@code limit} items of one incident. */
  public static ActionItemFilter ofIncident(long incidentNumber, int limit) {
    return new ActionItemFilter(Set.of(), Set.of(), incidentNumber, null, limit);
  }
}
