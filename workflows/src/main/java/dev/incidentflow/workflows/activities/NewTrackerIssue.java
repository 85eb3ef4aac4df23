package dev.incidentflow.workflows.activities;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An issue to create.
 *
 * @param project the project key, e.g. {@code PAY}
 * @param description in Jira's wiki markup (REST v2)
 * @param labels labels besides the idempotency label; Jira labels cannot contain spaces
 * @param idempotencyLabel a label unique to the workflow step that asks for the issue; it is added
 *     to the labels and searched for before creating
 * @param assignee the catalog's {@code jira} value of the assignee (a Cloud account id or a Data
 *     Center user name), or null to leave the issue unassigned
 * @param dueDate the due date, or null
 */
public record NewTrackerIssue(
    IssueKind kind,
    String project,
    String summary,
    String description,
    List<String> labels,
    String idempotencyLabel,
    String assignee,
    LocalDate dueDate) {

  private static final Pattern LABEL = Pattern.compile("[^\\s]{1,255}");

  /** Jira refuses summaries longer than this. */
  public static final int MAX_SUMMARY = 255;

  public NewTrackerIssue {
    requireNonNull(kind, "kind is null");
    requireNonNull(project, "project is null");
    requireNonNull(summary, "summary is null");
    requireNonNull(idempotencyLabel, "idempotencyLabel is null");
    if (project.isBlank()) {
      throw new IllegalArgumentException("project is blank");
    }
    summary =
        summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "\u2026" : summary;
    description = description == null ? "" : description;
    List<String> all = new ArrayList<>(labels == null ? List.of() : labels);
    if (!all.contains(idempotencyLabel)) {
      all.add(idempotencyLabel);
    }
    for (String label : all) {
      if (label == null || !LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException(
            "not a Jira label (no spaces, 1-255 characters): '" + label + "'");
      }
    }
    labels = List.copyOf(all);
    assignee = assignee == null || assignee.isBlank() ? null : assignee;
  }
}
