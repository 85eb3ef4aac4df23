package dev.incidentflow.activities.tracker;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * An issue's status and links.
 *
 * @param statusCategory Jira's status category key: {@code new}, {@code indeterminate} or {@code
 *     done}
 * @param statusCategoryChangedAt Jira's {@code statuscategorychangedate}; null when it sent none
 */
public record JiraIssueState(
    String key,
    String status,
    String statusCategory,
    Instant statusCategoryChangedAt,
    List<Link> links) {

  /** One link of the issue: its type's name and the issue on the other end. */
  public record Link(String type, String otherKey) {}

  public JiraIssueState {
    requireNonNull(key, "key is null");
    status = status == null ? "" : status;
    statusCategory = statusCategory == null ? "" : statusCategory;
    links = links == null ? List.of() : List.copyOf(links);
  }

  public boolean isDone() {
    return "done".equals(statusCategory);
  }
}
