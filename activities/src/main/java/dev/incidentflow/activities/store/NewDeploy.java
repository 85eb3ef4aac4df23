package dev.incidentflow.activities.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A deploy to record; the API has validated its fields.
 *
 * @param commit null when not given
 * @param url null when not given
 * @param author null when not given
 */
public record NewDeploy(
    String service, String version, String commit, String url, Instant deployedAt, String author) {

  public NewDeploy {
    service = requireText(service, "service");
    version = requireText(version, "version");
    requireNonNull(deployedAt, "deployedAt is null");
    commit = blankToNull(commit);
    url = blankToNull(url);
    author = blankToNull(author);
  }

  private static String requireText(String value, String name) {
    requireNonNull(value, name + " is null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value.trim();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
