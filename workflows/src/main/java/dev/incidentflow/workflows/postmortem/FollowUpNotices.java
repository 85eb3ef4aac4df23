package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.ChannelMessage;
import dev.incidentflow.workflows.activities.DirectMessage;
import dev.incidentflow.workflows.activities.DirectoryActivities;
import dev.incidentflow.workflows.activities.IncidentNumber;
import dev.incidentflow.workflows.activities.ResolvedTargets;
import dev.incidentflow.workflows.activities.SlackChatActivities;
import dev.incidentflow.workflows.activities.TargetQuery;
import dev.incidentflow.workflows.activities.TimelineActivities;
import dev.incidentflow.workflows.activities.TimelineAppend;
import dev.incidentflow.workflows.activities.TimelineEntry;
import dev.incidentflow.workflows.incident.ActivityStubs;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.TimelineEventType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * How the postmortem and action item workflows reach people and the incident's timeline. A message
 * Slack refuses for good is logged and skipped: chasing goes on.
 */
final class FollowUpNotices {
  private static final Logger log = Workflow.getLogger(FollowUpNotices.class);

  private final DirectoryActivities directory = ActivityStubs.of(DirectoryActivities.class);
  private final SlackChatActivities slack = ActivityStubs.of(SlackChatActivities.class);
  private final TimelineActivities timeline = ActivityStubs.of(TimelineActivities.class);
  private final String keyPrefix;
  private final long incidentNumber;

  /**
   * @param keyPrefix the workflow id (and round), which makes each timeline entry's key unique
   */
  FollowUpNotices(String keyPrefix, long incidentNumber) {
    this.keyPrefix = keyPrefix;
    this.incidentNumber = incidentNumber;
  }

  /** The catalog's entry for a handle (a handle it does not know still names someone). */
  Person person(String service, String handle) {
    ResolvedTargets resolved =
        directory.resolveTargets(
            new TargetQuery(service, List.of("person:" + handle), now(), Map.of()));
    return resolved.people().isEmpty() ? Person.ofHandle(handle) : resolved.people().get(0);
  }

  /** The person's manager from the catalog, or null when the catalog names none. */
  Person managerOf(String service, Person person) {
    return person == null || person.manager() == null ? null : person(service, person.manager());
  }

  void tell(Person person, String text) {
    if (person == null) {
      return;
    }
    try {
      slack.directMessage(new DirectMessage(person, text));
    } catch (ActivityFailure failure) {
      log.warn("could not message {}: {}", person.handle(), reason(failure));
    }
  }

  void post(String channel, String text) {
    if (channel == null) {
      return;
    }
    try {
      slack.postMessage(new ChannelMessage(channel, text));
    } catch (ActivityFailure failure) {
      log.warn("could not post in {}: {}", channel, reason(failure));
    }
  }

  /** Appends an event to the incident's timeline, once per {@code step} whatever the retries. */
  void record(
      String step, TimelineEventType type, String by, String text, Map<String, String> data) {
    timeline.appendTimelineEvents(
        TimelineAppend.of(
            incidentNumber,
            new TimelineEntry(keyPrefix + "/" + step, now(), type, by, text, data)));
  }

  IncidentNumber incident() {
    return new IncidentNumber(incidentNumber);
  }

  /**
   * The change id under which an escalation or a repeat carried out late counts the repeats it
   * missed ({@link FollowUpPlan#after}); before it, each went out on its own, all at once.
   */
  static final String COUNT_MISSED_REPEATS = "follow-up-count-missed-repeats";

  /**
   * {@code progress} once {@code step} was carried out at {@code now}, as the run's code had it.
   */
  static FollowUpProgress after(
      FollowUpPlan plan, FollowUpProgress progress, FollowUpStep step, Instant now) {
    if ((step == FollowUpStep.ESCALATE || step == FollowUpStep.REPEAT)
        && Workflow.getVersion(COUNT_MISSED_REPEATS, Workflow.DEFAULT_VERSION, 1) == 1) {
      return plan.after(progress, step, now);
    }
    return progress.after(step, now);
  }

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  /** What the activity's own failure said, without Temporal's wrapping. */
  static String reason(ActivityFailure failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof ApplicationFailure application
        ? application.getOriginalMessage()
        : cause.getMessage();
  }

  static String mention(Person person) {
    if (person == null) {
      return "nobody";
    }
    return person.slackId() == null ? "@" + person.handle() : "<@" + person.slackId() + ">";
  }
}
