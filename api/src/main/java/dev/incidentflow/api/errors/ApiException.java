package dev.incidentflow.api.errors;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A request the API refuses, with the status and the problems to name. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final List<String> details;

  public ApiException(int status, String message, List<String> details) {
    super(requireNonNull(message, "message is null"), null, false, false);
    this.status = status;
    this.details = List.copyOf(details);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message, List.of());
  }

  public static ApiException invalid(String message, List<String> details) {
    return new ApiException(422, message, details);
  }

  public int status() {
    return status;
  }

  public List<String> details() {
    return details;
  }
}
