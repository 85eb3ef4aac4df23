package dev.incidentflow.activities.store;

import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;

/**
 * What {@link IncidentRepository#list} returns: the incidents matching every given criterion. A
 * null (or, for text, blank) criterion matches everything.
 *
 * @param service the service's exact name
 * @param q full-text search over title, description, status updates and decisions in web-search
 *     syntax ({@code db timeout}, {@code "connection pool" -replica}, {@code checkout or
 *     payments}); when given, the best matches come first
 * @param limit at most this many incidents, 1 to {@value #MAX_LIMIT}
 */
public record IncidentFilter(
    IncidentStatus status, Severity severity, String service, String q, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 500;

  public IncidentFilter {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    service = blankToNull(service);
    q = blankToNull(q);
  }

  /** The filter with the default limit of {@value #DEFAULT_LIMIT}. */
  public IncidentFilter(IncidentStatus status, Severity severity, String service, String q) {
    this(status, severity, service, q, DEFAULT_LIMIT);
  }

  /** The newest {@value #DEFAULT_LIMIT} incidents, unfiltered. */
  public static IncidentFilter newest() {
    return new IncidentFilter(null, null, null, null);
  }

  public IncidentFilter withLimit(int newLimit) {
    return new IncidentFilter(status, severity, service, q, newLimit);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
