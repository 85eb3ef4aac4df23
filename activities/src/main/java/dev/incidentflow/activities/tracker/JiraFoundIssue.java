package dev.incidentflow.activities.tracker;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An issue a search found, with the fields the search asked for. */
public record JiraFoundIssue(String key, String summary, List<String> labels) {

  public JiraFoundIssue {
    requireNonNull(key, "key is null");
    labels = labels == null ? List.of() : List.copyOf(labels);
  }
}
