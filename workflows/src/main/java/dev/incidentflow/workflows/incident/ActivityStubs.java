package dev.incidentflow.workflows.incident;

import dev.incidentflow.workflows.activities.FailureType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.Priority;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity options shared by the workflows. Transient faults are retried without limit (with
 * backoff capped at a minute; the local activities for a day) so that an outage of Slack,
 * PagerDuty, Jira or the database delays work and never loses it; the permanent {@link
 * FailureType}s are not retried.
 */
public final class ActivityStubs {
  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setDoNotRetry(FailureType.names())
                  .build())
          .build();

  /**
   * Ahead of every other activity task in the queue (Temporal's priority keys run from 1, first, to
   * 5; the default is 3). When thousands of incidents open at once their Slack calls queue up by
   * the thousand, and a page must not wait behind them. A server that does not know priorities
   * ignores it.
   */
  private static final Priority FIRST = Priority.newBuilder().setPriorityKey(1).build();

  /** For PagerDuty: as {@link #OPTIONS}, handed out before any other activity task. */
  private static final ActivityOptions PAGING =
      ActivityOptions.newBuilder(OPTIONS).setPriority(FIRST).build();

  /**
   * For a new incident's opening ({@code OpeningActivities}), which carries the first page: as
   * {@link #PAGING}, but a worker lost while running it holds the incident back 10 s, not 30. Its
   * work is a few lookups, one insert and a page attempt bounded at 2 s.
   */
  private static final ActivityOptions OPENING =
      ActivityOptions.newBuilder(PAGING).setStartToCloseTimeout(Duration.ofSeconds(10)).build();

  /** For reads whose answer is nice to have: a few quick attempts, then the caller goes without. */
  private static final ActivityOptions OPTIONAL =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumAttempts(3)
                  .setDoNotRetry(FailureType.names())
                  .build())
          .build();

  /**
   * How long a local activity of {@link #LOCAL} is retried. The Java SDK (1.38) does not retry a
   * local activity at all when it has neither a maximum of attempts nor a schedule-to-close timeout
   * (its retry state is {@code RETRY_POLICY_NOT_SET}): without this, one failed save failed the
   * incident's workflow. Past this the call fails, as any activity failed for good does. Each
   * attempt after the first few costs the workflow six history events (the failed attempt's marker,
   * a timer, a workflow task), one attempt a minute once the backoff is at its cap: about 8,600
   * events a day, below the 10,240 at which a Temporal server starts warning about a history's
   * length.
   */
  static final Duration LOCAL_RETRIED_FOR = Duration.ofDays(1);

  /**
   * For bookkeeping that is quick and local to the worker (catalog lookups, database writes): run
   * inside the workflow task instead of as a round trip through the server, with the same retry,
   * for at most {@link #LOCAL_RETRIED_FOR}. Saves the server three events and a task dispatch per
   * call, which is most of an incident's history while it opens.
   */
  private static final LocalActivityOptions LOCAL =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(LOCAL_RETRIED_FOR)
          .setRetryOptions(OPTIONS.getRetryOptions())
          .build();

  private static final LocalActivityOptions LOCAL_OPTIONAL =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(OPTIONAL.getRetryOptions())
          .build();

  private ActivityStubs() {}

  public static <T> T local(Class<T> activities) {
    return Workflow.newLocalActivityStub(activities, LOCAL);
  }

  public static <T> T localOptional(Class<T> activities) {
    return Workflow.newLocalActivityStub(activities, LOCAL_OPTIONAL);
  }

  public static <T> T opening(Class<T> activities) {
    return Workflow.newActivityStub(activities, OPENING);
  }

  public static <T> T paging(Class<T> activities) {
    return Workflow.newActivityStub(activities, PAGING);
  }

  public static <T> T optional(Class<T> activities) {
    return Workflow.newActivityStub(activities, OPTIONAL);
  }

  /**
   * For Jira: an attempt makes up to three requests (search, create, create again without the
   * fields Jira refused), each allowed 10 s to connect and 20 s to answer. Cut short at 30 s, an
   * attempt's create could land after its retry had searched and missed it, and make a second
   * issue.
   */
  private static final ActivityOptions TRACKER =
      ActivityOptions.newBuilder(OPTIONS).setStartToCloseTimeout(Duration.ofMinutes(2)).build();

  public static <T> T tracker(Class<T> activities) {
    return Workflow.newActivityStub(activities, TRACKER);
  }

  public static <T> T of(Class<T> activities) {
    return Workflow.newActivityStub(activities, OPTIONS);
  }
}
