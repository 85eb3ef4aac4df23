package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.model.ActionItemStatus;

/**
 * What {@link FollowUpRepository#actionItems} returns: the items matching every given criterion; a
 * null (or blank) criterion matches everything.
 *
 * @param limit at most this many items, 1 to {@value #MAX_LIMIT}
 */
public record ActionItemFilter(
    ActionItemStatus status, String owner, Long incidentNumber, int limit) {

  public static final int DEFAULT_LIMIT = 200;
  public static final int MAX_LIMIT = 1000;

  public ActionItemFilter {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    owner = owner == null || owner.isBlank() ? null : owner.trim();
  }

  public ActionItemFilter(ActionItemStatus status, String owner) {
    this(status, owner, null, DEFAULT_LIMIT);
  }
}
