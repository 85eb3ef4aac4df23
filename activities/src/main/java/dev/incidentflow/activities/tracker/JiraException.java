package dev.incidentflow.activities.tracker;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * Jira answered something other than success, or could not be reached ({@code status} 0). Carries
 * Jira's error body ({@code {"errorMessages": [...], "errors": {"field": "message"}}}) so the
 * caller can tell which field Jira refused.
 */
public final class JiraException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final int status;
  private final List<String> errorMessages;
  private final transient Map<String, String> errors;
  private final String retryAfter;

  JiraException(
      String operation,
      int status,
      List<String> errorMessages,
      Map<String, String> errors,
      String retryAfter,
      String message,
      Throwable cause) {
    super(message, cause);
    this.operation = requireNonNull(operation, "operation is null");
    this.status = status;
    this.errorMessages = List.copyOf(errorMessages);
    this.errors = Map.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  /** What was asked, e.g. {@code create issue}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status, or 0 when Jira could not be reached or did not answer in time. */
  public int status() {
    return status;
  }

  public List<String> errorMessages() {
    return errorMessages;
  }

  /** Field name to Jira's complaint about it. */
  public Map<String, String> errors() {
    return errors;
  }

  /** The {@code Retry-After} header as sent, or null. */
  public String retryAfter() {
    return retryAfter;
  }
}
