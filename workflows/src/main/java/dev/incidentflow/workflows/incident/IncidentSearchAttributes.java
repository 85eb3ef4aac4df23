package dev.incidentflow.workflows.incident;

import io.temporal.common.SearchAttributeKey;
import java.util.Map;

/**
 * The search attributes that make incidents findable in Temporal UI. The application registers them
 * at start when the server lacks them; upserting an unregistered one fails the workflow task.
 */
public final class IncidentSearchAttributes {
  public static final SearchAttributeKey<Long> NUMBER =
      SearchAttributeKey.forLong("IncidentNumber");
  public static final SearchAttributeKey<String> SEVERITY =
      SearchAttributeKey.forKeyword("IncidentSeverity");
  public static final SearchAttributeKey<String> SERVICE =
      SearchAttributeKey.forKeyword("IncidentService");
  public static final SearchAttributeKey<String> STATUS =
      SearchAttributeKey.forKeyword("IncidentStatus");

  private IncidentSearchAttributes() {}

  /** Name to Temporal's indexed value type name (INT, KEYWORD), for registration. */
  public static Map<String, String> definitions() {
    return Map.of(
        NUMBER.getName(), "INT",
        SEVERITY.getName(), "KEYWORD",
        SERVICE.getName(), "KEYWORD",
        STATUS.getName(), "KEYWORD");
  }
}
