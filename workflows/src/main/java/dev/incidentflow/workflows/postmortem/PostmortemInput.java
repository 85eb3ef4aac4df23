package dev.incidentflow.workflows.postmortem;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.policy.PostmortemPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * What a postmortem starts from: the closed incident's facts and the policy it ran under.
 *
 * <p>Fields a later version adds are ignored on reading, so that a worker on this version can start
 * a postmortem a newer incident worker asked for (Temporal's Jackson mapper refuses unknown fields
 * otherwise).
 *
 * @param incidentKey unique to this incident across databases and runs (the incident workflow's
 *     first run id); the postmortem issue's idempotency label is made from it
 * @param commander the incident commander's handle; null if nobody was
 * @param stakeholderChannel where the postmortem is announced, or null
 * @param due counted from resolution ({@code postmortem.due} of the severity)
 * @param remindBefore how long before the due time the owner is reminded
 * @param pollEvery how often Jira is asked whether the issue is done, in case a webhook is lost
 * @param carried the progress of the previous run when the workflow continued as new, else null
 * @param owner who owns the postmortem, is reminded of it and is escalated past when it is late:
 *     the commander, else whoever acknowledged the incident, who is whoever resolved it when nobody
 *     acknowledged it (one opened for a service without an on-call rotation has no commander); the
 *     commander in inputs made before it was added, so null for those of incidents without one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostmortemInput(
    long incidentNumber,
    String incidentKey,
    String title,
    Severity severity,
    String service,
    String commander,
    String stakeholderChannel,
    String channelName,
    IncidentTimes times,
    Duration due,
    Duration remindBefore,
    Duration pollEvery,
    PostmortemProgress carried,
    String owner) {

  /** The commander hears about the postmortem again this long before it is due, by default. */
  public static final Duration DEFAULT_REMIND_BEFORE = PostmortemPolicy.DEFAULT_REMIND_BEFORE;

  public PostmortemInput {
    if (incidentNumber < 1) {
      throw new IllegalArgumentException("incident numbers start at 1: " + incidentNumber);
    }
    owner = owner == null ? commander : owner;
    requireNonNull(incidentKey, "incidentKey is null");
    requireNonNull(title, "title is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(service, "service is null");
    requireNonNull(times, "times is null");
    requireNonNull(due, "due is null");
    requireNonNull(remindBefore, "remindBefore is null");
    requireNonNull(pollEvery, "pollEvery is null");
    if (due.isNegative() || remindBefore.isNegative() || !FollowUpPlan.isPositive(pollEvery)) {
      throw new IllegalArgumentException(
          "due and remindBefore must not be negative, pollEvery must be positive");
    }
  }

  public String incidentId() {
    return "INC-" + incidentNumber;
  }

  public Instant dueAt() {
    return times.resolvedAt().plus(due);
  }

  /** Reminder, overdue, then the manager at once, weekly after that, polling throughout. */
  public FollowUpPlan plan() {
    return new FollowUpPlan(dueAt(), remindBefore, Duration.ZERO, FollowUpPlan.WEEKLY, pollEvery);
  }

  /** This input owned by {@code newOwner}, which a run continued as new keeps. */
  public PostmortemInput withOwner(String newOwner) {
    return with(carried, requireNonNull(newOwner, "newOwner is null"));
  }

  public PostmortemInput continuing(PostmortemProgress progress) {
    return with(progress, owner);
  }

  private PostmortemInput with(PostmortemProgress progress, String owner) {
    return new PostmortemInput(
        incidentNumber,
        incidentKey,
        title,
        severity,
        service,
        commander,
        stakeholderChannel,
        channelName,
        times,
        due,
        remindBefore,
        pollEvery,
        progress,
        owner);
  }
}
