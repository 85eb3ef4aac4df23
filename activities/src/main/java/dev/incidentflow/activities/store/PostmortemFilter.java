package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.Severity;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link FollowUpRepository#postmortems} returns: the postmortems matching every given
 * criterion, soonest due first, then by incident number. An empty set (or, for {@code q}, null or
 * blank) matches everything; a set matches any of its values.
 *
 * @param statuses the statuses as judged at {@code asOf} (see {@link ListedPostmortem#status()})
 * @param services the incidents' services, by their exact names
 * @param owners the postmortems' owners, by their catalog handles
 * @param q the incidents' full-text search, as {@link IncidentFilter#q()} has it
 * @param after null for the first page; otherwise only the postmortems listed after this position
 *     (the last one of the page before)
 * @param asOf the moment that decides whether a postmortem or an action item is past due (now, for
 *     the API), as the metrics judge it
 * @param limit at most this many postmortems, 1 to {@value #MAX_LIMIT}
 */
public record PostmortemFilter(
    Set<PostmortemStatus> statuses,
    Set<Severity> severities,
    Set<String> services,
    Set<String> owners,
    String q,
    Position after,
    Instant asOf,
    int limit) {

  public static final int DEFAULT_LIMIT = 200;
  public static final int MAX_LIMIT = 1000;

  /**
   * Where a postmortem sits in the list's order: its due time, then its incident's number. Neither
   * changes once the postmortem is scheduled, so a page's position holds while postmortems fall
   * overdue or are published between two pages.
   */
  public record Position(Instant dueAt, long incidentNumber) {
    public Position {
      requireNonNull(dueAt, "dueAt is null");
    }

    public static Position of(PostmortemRecord postmortem) {
      return new Position(postmortem.dueAt(), postmortem.incidentNumber());
    }
  }

  public PostmortemFilter {
    statuses = Set.copyOf(requireNonNull(statuses, "statuses is null"));
    severities = Set.copyOf(requireNonNull(severities, "severities is null"));
    services =
        requireNonNull(services, "services is null").stream()
            .filter(service -> service != null && !service.isBlank())
            .map(String::trim)
            .collect(Collectors.toUnmodifiableSet());
    owners = Set.copyOf(requireNonNull(owners, "owners is null"));
    q = q == null || q.isBlank() ? null : q.trim();
    requireNonNull(asOf, "asOf is null");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** The first {@value #DEFAULT_LIMIT} postmortems of every status, judged at {@code asOf}. */
  public static PostmortemFilter all(Instant asOf) {
    return new PostmortemFilter(
        Set.of(), Set.of(), Set.of(), Set.of(), null, null, asOf, DEFAULT_LIMIT);
  }
}
