package dev.incidentflow.api.resources;

import dev.incidentflow.api.errors.Problems;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The query parameters a read takes. One it does not take is a problem, not ignored: a mistyped
 * filter ({@code sevrity=SEV1}) answered with the whole list, which reads as a filtered one at the
 * moment somebody relies on it. A name starting with {@code _} is left alone, for clients that add
 * one to defeat a cache ({@code _=1733400000}).
 */
final class QueryParameters {

  private QueryParameters() {}

  /** Adds a problem to {@code problems} for each parameter of the request not in {@code known}. */
  static void refuseUnknown(UriInfo uri, List<String> known, Problems problems) {
    uri.getQueryParameters().keySet().stream()
        .filter(name -> !known.contains(name) && !name.startsWith("_"))
        .sorted()
        .forEach(
            name ->
                problems.add(
                    "unknown query parameter '"
                        + name
                        + "': this takes "
                        + String.join(", ", known)));
  }
}
