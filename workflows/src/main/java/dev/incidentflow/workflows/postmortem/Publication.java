package dev.incidentflow.workflows.postmortem;

import static java.util.Objects.requireNonNull;

/**
 * A published postmortem.
 *
 * @param url where it can be read
 * @param by the person's handle, or {@code jira} when the issue reached a done status
 */
public record Publication(String url, String summary, String by) {

  public Publication {
    requireNonNull(url, "url is null");
    summary = summary == null ? "" : summary;
    by = by == null || by.isBlank() ? "system" : by;
  }
}
