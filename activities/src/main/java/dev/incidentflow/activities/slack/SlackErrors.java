package dev.incidentflow.activities.slack;

import dev.incidentflow.activities.RetryAfter;
import dev.incidentflow.workflows.activities.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides which Slack failures Temporal retries. Permanent faults become
 * non-retryable {@link FailureType#SLACK_REJECTED}; rate limits, outages and unknown errors stay
 * retryable, carrying Slack's {@code Retry-After} as the next retry delay when Slack sent one.
 */
final class SlackErrors {

  /** HTTP 429 or {@code ok:false} {@code ratelimited}. Retryable. */
  static final String RATE_LIMITED = "SlackRateLimited";

  /** HTTP 5xx, 408, network errors. Retryable. */
  static final String UNAVAILABLE = "SlackUnavailable";

  /** An {@code ok:false} error this code does not know; retried, since it may be transient. */
  static final String UNKNOWN_ERROR = "SlackError";

  /**
   * Errors that a retry cannot heal: bad credentials or scopes, a missing or archived channel, a
   * malformed message. Retrying them only delays the workflow's own handling.
   */
  private static final Set<String> PERMANENT_ERRORS =
      Set.of(
          "account_inactive",
          "cannot_dm_bot",
          "cant_archive_general",
          "channel_not_found",
          "ekm_access_denied",
          "enterprise_is_restricted",
          "invalid_arg_name",
          "invalid_arguments",
          "invalid_auth",
          "invalid_blocks",
          "invalid_blocks_format",
          "invalid_channel",
          "invalid_charset",
          "invalid_form_data",
          "invalid_name",
          "invalid_name_maxlength",
          "invalid_name_punctuation",
          "invalid_name_required",
          "invalid_name_specials",
          "invalid_post_type",
          "is_archived",
          "method_deprecated",
          "method_not_supported_for_channel_type",
          "missing_post_type",
          "missing_scope",
          "msg_too_long",
          "name_taken",
          "no_permission",
          "no_text",
          "not_allowed_token_type",
          "not_authed",
          "not_authorized",
          "not_in_channel",
          "restricted_action",
          "restricted_action_non_threadable_channel",
          "restricted_action_read_only_channel",
          "restricted_action_thread_locked",
          "team_access_not_granted",
          "token_expired",
          "token_revoked",
          "too_long",
          "too_many_attachments",
          "two_factor_setup_required",
          "user_is_restricted");

  private SlackErrors() {}

  /** Slack answered HTTP 200 with {@code ok:false}. */
  static ApplicationFailure fromError(String method, String error, String neededScope) {
    String reason = error == null ? "unknown" : error;
    String message = "Slack " + method + " failed: " + reason;
    if ("missing_scope".equals(reason) && neededScope != null) {
      message = message + " (the bot token needs " + neededScope + ")";
    }
    if ("ratelimited".equals(reason) || "rate_limited".equals(reason)) {
      return retryable(message, RATE_LIMITED, Optional.empty(), null);
    }
    if (PERMANENT_ERRORS.contains(reason)) {
      return ApplicationFailure.newNonRetryableFailure(message, FailureType.SLACK_REJECTED.name());
    }
    return retryable(message, UNKNOWN_ERROR, Optional.empty(), null);
  }

  /**
   * The SDK throws {@code SlackApiException} for any non-200 answer. 429 and 5xx are Slack asking
   * us to come back later; any other 4xx means the request can never succeed as sent (a wrong
   * {@code SLACK_API_URL}, say).
   */
  static ApplicationFailure fromHttpStatus(
      String method, int status, String retryAfterHeader, Throwable cause) {
    Optional<Duration> retryAfter = retryAfter(retryAfterHeader);
    String message = "Slack " + method + " answered HTTP " + status;
    if (status == 429) {
      return retryable(message, RATE_LIMITED, retryAfter, cause);
    }
    if (status >= 500 || status == 408) {
      return retryable(message, UNAVAILABLE, retryAfter, cause);
    }
    return ApplicationFailure.newNonRetryableFailureWithCause(
        message, FailureType.SLACK_REJECTED.name(), cause);
  }

  /** Slack could not be reached or the connection broke: retry. */
  static ApplicationFailure fromIo(String method, IOException cause) {
    return retryable("Slack " + method + " failed: " + cause, UNAVAILABLE, Optional.empty(), cause);
  }

  /**
   * Slack sends {@code Retry-After} as whole seconds. Anything else is ignored, leaving the delay
   * to the activity's retry policy.
   */
  static Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ApplicationFailure retryable(
      String message, String type, Optional<Duration> delay, Throwable cause) {
    return RetryAfter.retryable(message, type, delay, cause);
  }
}
