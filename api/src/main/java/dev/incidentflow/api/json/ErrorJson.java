package dev.incidentflow.api.json;

import java.util.List;

/** Every error the API answers: what went wrong, and each problem found. */
public record ErrorJson(String error, List<String> details) {

  public ErrorJson {
    details = details == null ? List.of() : List.copyOf(details);
  }
}
