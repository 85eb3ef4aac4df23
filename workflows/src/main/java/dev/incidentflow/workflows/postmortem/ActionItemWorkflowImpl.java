package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.activities.ActionItemRecord;
import dev.incidentflow.workflows.activities.DirectoryActivities;
import dev.incidentflow.workflows.activities.IssueLink;
import dev.incidentflow.workflows.activities.NewActionItem;
import dev.incidentflow.workflows.activities.PostmortemIssue;
import dev.incidentflow.workflows.activities.PostmortemStoreActivities;
import dev.incidentflow.workflows.activities.ResponderQuery;
import dev.incidentflow.workflows.activities.TrackerActivities;
import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.activities.TrackerStatus;
import dev.incidentflow.workflows.incident.ActivityStubs;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Sequences an action item around {@link FollowUpPlan} (when to chase) and {@link
 * ActionItemDocument} (what the issue says); the messages are in {@link ActionItemMessages}.
 */
public class ActionItemWorkflowImpl implements ActionItemWorkflow {
  private static final Logger log = Workflow.getLogger(ActionItemWorkflowImpl.class);
  private static final int CONTINUE_AS_NEW_AFTER_EVENTS = 5_000;

  /**
   * Version 1 of this change drops a poll's answer that is not done when it comes after the item
   * was done: Jira was read before the done webhook landed. In version 0 such an answer counted as
   * a reopening, and the item was chased again, its owner told it "was reopened in Jira".
   */
  static final String STALE_POLL_AFTER_DONE = "stale-poll-after-done";

  /**
   * Version 1 of this change puts a reopening on the incident's timeline ({@code
   * action_item_reopened}, with the status Jira reopened the item to and, when Jira said, when and
   * by whom), and a run that hears of it while finishing hands that status to the next run. In
   * version 0 the timeline said nothing between one {@code action_item_done} and the next. Taken
   * only at a reopening: the next run's start, and the end of a run reopened while finishing.
   */
  static final String REOPENED_ON_TIMELINE = "reopened-on-timeline";

  /** How long {@link #registered()} waits for Jira before answering without the issue. */
  private static final Duration REGISTER_WAIT = Duration.ofSeconds(5);

  private final DirectoryActivities directory = ActivityStubs.of(DirectoryActivities.class);
  private final TrackerActivities tracker = ActivityStubs.tracker(TrackerActivities.class);
  private final PostmortemStoreActivities store = ActivityStubs.of(PostmortemStoreActivities.class);
  private ActionItemInput input;
  private String workflowId;
  private ActionItemProgress progress;
  private FollowUpNotices notices;
  private Person manager;
  private TrackerStatus doneStatus;
  private boolean opened;
  private Instant doneAt;

  /** Why the store refused to record the item; null unless it did. */
  private String refused;

  /** {@link #registered()} was asked. */
  private boolean registeredAsked;

  /**
   * The person who marked the item done ({@link #markDone}), unless Jira's done came first; null
   * until then. No version marker guards what it leads to: only that Update sets it, and no history
   * recorded before the Update existed holds one.
   */
  private ActionItemCompletion completion;

  /** The item is saved done: {@link #markDone} answers from here. */
  private boolean savedDone;

  /**
   * The issue is being made (by a poll, after Jira refused it earlier): {@link #validateMarkDone}
   * refuses meanwhile, since the issue it makes is Jira's to close.
   */
  private boolean makingIssue;

  /** Jira moved the issue out of done while this run was finishing. */
  private boolean reopenedWhileFinishing;

  /** The status Jira moved the issue to when {@link #reopenedWhileFinishing}. */
  private TrackerStatus reopening;

  @Override
  public ActionItemOutcome run(ActionItemInput input) {
    this.input = input;
    workflowId = Workflow.getInfo().getWorkflowId();
    notices = new FollowUpNotices(workflowId + "/" + input.round(), input.incidentNumber());
    progress = input.carried() != null ? input.carried() : open();
    if (progress == null) {
      // Refused: registered(), which the API asks right after the start, answers so before the run
      // ends. A run that ended first would leave the API to read the refusal from its result.
      Workflow.await(REGISTER_WAIT, () -> registeredAsked);
      Workflow.await(Workflow::isEveryHandlerFinished);
      return ActionItemOutcome.refused(refused);
    }
    opened = true;
    manager = notices.managerOf(input.service(), progress.owner());
    FollowUpPlan plan = input.plan();
    while (!isDone()) {
      Instant now = FollowUpNotices.now();
      FollowUpStep step = plan.dueStep(progress.followUp(), now).orElse(null);
      if (step != null) {
        chase(step, now);
        progress = progress.with(FollowUpNotices.after(plan, progress.followUp(), step, now));
        continue;
      }
      if (Workflow.getInfo().getHistoryLength() > CONTINUE_AS_NEW_AFTER_EVENTS
          || Workflow.getInfo().isContinueAsNewSuggested()) {
        // A markDone taken meanwhile waits for this run to save the item done, not for a new run.
        Workflow.await(() -> Workflow.isEveryHandlerFinished() || completion != null);
        if (completion != null) {
          continue;
        }
        Workflow.continueAsNew(input.continuing(progress));
      }
      Workflow.await(Duration.between(now, plan.nextDeadline(progress.followUp())), this::isDone);
    }
    finish();
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (reopenedWhileFinishing) {
      Workflow.continueAsNew(
          Workflow.getVersion(REOPENED_ON_TIMELINE, Workflow.DEFAULT_VERSION, 1) == 1
              ? input.reopened(reopening)
              : input.reopened());
    }
    if (completion != null) {
      TrackerIssue issue = progress.issue();
      return new ActionItemOutcome(
          progress.number().id(), issue == null ? null : issue.key(), null, doneAt, null);
    }
    return new ActionItemOutcome(
        progress.number().id(), doneStatus.issueKey(), doneStatus.name(), doneAt, null);
  }

  /** Jira said the issue is done, or a person marked the item done. */
  private boolean isDone() {
    return doneStatus != null || completion != null;
  }

  /**
   * Records the item and opens its issue; null when the store refused it because the incident is
   * over (see {@link ActionItemAdmission}), which {@link #registered()} then answers.
   */
  private ActionItemProgress open() {
    ActionItemNumber number;
    try {
      number =
          store.recordActionItem(
              new NewActionItem(
                  workflowId,
                  input.incidentNumber(),
                  input.title(),
                  input.owner(),
                  input.due(),
                  input.kind(),
                  input.createdBy()));
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof ApplicationFailure cause
          && ActionItemAdmission.REFUSED.equals(cause.getType())) {
        refused = cause.getOriginalMessage();
        log.info("{} not recorded: {}", workflowId, refused);
        return null;
      }
      throw failure;
    }
    Person owner = notices.person(input.service(), input.owner());
    progress =
        new ActionItemProgress(
            number,
            owner,
            null,
            null,
            ActionItemStatus.OPEN,
            input.plan().start(FollowUpNotices.now()));
    progress = progress.with(createIssue());
    save();
    link();
    if (input.round() == 0) {
      notices.record(
          "created",
          TimelineEventType.ACTION_ITEM_CREATED,
          input.createdBy(),
          ActionItemMessages.created(input, progress),
          data());
      notices.tell(owner, ActionItemMessages.assigned(input, progress));
    } else {
      if (Workflow.getVersion(REOPENED_ON_TIMELINE, Workflow.DEFAULT_VERSION, 1) == 1) {
        recordReopening();
      }
      notices.tell(owner, ActionItemMessages.reopened(input, progress));
    }
    return progress;
  }

  private void chase(FollowUpStep step, Instant now) {
    switch (step) {
      case REMIND -> notices.tell(progress.owner(), ActionItemMessages.reminder(input, progress));
      case OVERDUE -> {
        progress = progress.with(ActionItemStatus.OVERDUE);
        save();
        notices.record(
            "overdue",
            TimelineEventType.ACTION_ITEM_OVERDUE,
            "system",
            ActionItemMessages.overdue(input, progress),
            data());
        notices.tell(progress.owner(), ActionItemMessages.overdue(input, progress));
      }
      case ESCALATE -> {
        Duration overdueFor = Duration.between(input.dueAt(), now);
        notices.record(
            "escalated",
            TimelineEventType.ACTION_ITEM_ESCALATED,
            "system",
            ActionItemMessages.escalatedEvent(input, progress, manager, overdueFor),
            data());
        notices.tell(manager, ActionItemMessages.escalation(input, progress, overdueFor));
        notices.tell(
            progress.owner(),
            ActionItemMessages.stillOverdue(input, progress, manager, overdueFor));
      }
      case REPEAT -> {
        Duration overdueFor = Duration.between(input.dueAt(), now);
        notices.tell(
            progress.owner(),
            ActionItemMessages.stillOverdue(input, progress, manager, overdueFor));
        notices.tell(manager, ActionItemMessages.escalation(input, progress, overdueFor));
      }
      case POLL -> poll();
    }
  }

  private void poll() {
    if (progress.issue() == null) {
      progress = progress.with(createIssue());
      if (progress.issue() != null) {
        save();
      }
    }
    link();
    if (progress.issue() == null) {
      return;
    }
    TrackerStatus status =
        TrackerPolls.status(tracker, progress.issue().key(), progress.number().id()).orElse(null);
    if (status == null) {
      return;
    }
    if (doneStatus != null
        && !status.done()
        && Workflow.getVersion(STALE_POLL_AFTER_DONE, Workflow.DEFAULT_VERSION, 1) == 1) {
      // Read before the done webhook landed, while the answer was on its way: not a reopening.
      return;
    }
    trackerStatusChanged(status);
  }

  private TrackerIssue createIssue() {
    String project =
        directory
            .responders(new ResponderQuery(input.service(), FollowUpNotices.now(), null))
            .service()
            .jiraProject();
    if (project == null) {
      log.warn(
          "{}: no Jira project for {} and no default; the item has no issue",
          progress.number().id(),
          input.service());
      return null;
    }
    makingIssue = true;
    try {
      return tracker.createIssue(
          ActionItemDocument.issue(
              input, workflowId, progress.number(), project, progress.owner().jiraAccount()));
    } catch (ActivityFailure failure) {
      log.warn(
          "{}: Jira refused the issue; retrying at the next poll: {}",
          progress.number().id(),
          FollowUpNotices.reason(failure));
      return null;
    } finally {
      makingIssue = false;
    }
  }

  /** Links the issue to the postmortem's once both exist; the postmortem's may come later. */
  private void link() {
    if (progress.issue() == null || progress.linkedTo() != null) {
      return;
    }
    PostmortemIssue postmortem = store.findPostmortemIssue(notices.incident());
    if (!postmortem.exists()) {
      return;
    }
    try {
      tracker.linkIssues(new IssueLink(progress.issue().key(), postmortem.key()));
      progress = progress.linked(postmortem.key());
    } catch (ActivityFailure failure) {
      log.warn(
          "{}: Jira refused the link to {}: {}",
          progress.number().id(),
          postmortem.key(),
          FollowUpNotices.reason(failure));
      progress = progress.linked(postmortem.key());
    }
  }

  private void finish() {
    // When Jira moved it to done, if it says: a webhook lost and found by a later poll, or a
    // worker that was down, does not make an item done on time count as late.
    doneAt =
        completion != null ? FollowUpNotices.now() : doneStatus.changedBy(FollowUpNotices.now());
    progress = progress.with(ActionItemStatus.DONE);
    save();
    savedDone = true;
    String how =
        completion != null
            ? ActionItemMessages.markedDone(completion)
            : doneStatus.issueKey() + " is " + doneStatus.name() + " in Jira";
    notices.record(
        "done",
        TimelineEventType.ACTION_ITEM_DONE,
        doneBy(),
        ActionItemMessages.done(input, progress, how),
        data());
    notices.tell(progress.owner(), ActionItemMessages.done(input, progress, how));
  }

  /**
   * The reopening this run chases, on the timeline when it is heard of, so it sorts between the
   * done events around it; Jira's time for it, when it says, is in the event's data and text.
   */
  private void recordReopening() {
    TrackerStatus status = input.reopening();
    Map<String, String> data = new HashMap<>(data());
    data.put("round", Integer.toString(input.round()));
    if (status != null) {
      data.put("jiraStatus", status.name());
      if (status.changedAt() != null) {
        data.put("reopenedAt", status.changedAt().toString());
      }
      if (status.by() != null) {
        data.put("reopenedBy", status.by());
      }
    }
    notices.record(
        "reopened",
        TimelineEventType.ACTION_ITEM_REOPENED,
        TimelineEvent.JIRA,
        ActionItemMessages.reopenedEvent(input, progress, status),
        data);
  }

  private void save() {
    TrackerIssue issue = progress.issue();
    store.saveActionItem(
        new ActionItemRecord(
            progress.number().number(),
            workflowId,
            progress.status(),
            issue == null ? null : issue.key(),
            issue == null ? null : issue.url(),
            input.round(),
            doneAt,
            progress.status() == ActionItemStatus.DONE ? doneBy() : null));
  }

  /** Who marked it done: the person, or Jira when its issue was closed there first. */
  private String doneBy() {
    return completion != null ? completion.by() : TimelineEvent.JIRA;
  }

  private Map<String, String> data() {
    return progress.issue() == null
        ? Map.of(
            "actionItem",
            progress.number().id(),
            "owner",
            input.owner(),
            "due",
            input.due().toString())
        : Map.of(
            "actionItem",
            progress.number().id(),
            "owner",
            input.owner(),
            "due",
            input.due().toString(),
            "jiraKey",
            progress.issue().key());
  }

  // ---- update, signal, query ----------------------------------------------------------------

  @Override
  public ActionItemView registered() {
    registeredAsked = true;
    Workflow.await(() -> progress != null || refused != null);
    if (refused != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          refused, IllegalStateException.class.getName());
    }
    Workflow.await(REGISTER_WAIT, () -> opened);
    return view();
  }

  @Override
  public ActionItemView markDone(ActionItemCompletion completion) {
    if (!isDone()) {
      this.completion = completion;
    }
    Workflow.await(() -> savedDone);
    return view();
  }

  @Override
  public void validateMarkDone(ActionItemCompletion completion) {
    if (!opened) {
      // Still opening, its issue perhaps on its way from Jira: or refused, and never an item.
      throw new IllegalStateException(
          "the action item is not recorded yet; mark it done once it has its number");
    }
    TrackerIssue issue = progress.issue();
    if (!isDone() && issue != null && !issue.madeByStandIn()) {
      throw new IllegalStateException(closeInJira(progress.number().id(), issue.key()));
    }
    if (!isDone() && makingIssue) {
      // Marked done now, it would end with an issue made under it that nobody closes in Jira.
      throw new IllegalStateException(
          progress.number().id()
              + "'s issue is being made in Jira; close it there once it is made, or try again if"
              + " Jira refuses it");
    }
  }

  /** The refusal of {@link #markDone} for an item that Jira issue {@code key} tracks. */
  static String closeInJira(String id, String key) {
    return id
        + " is tracked by "
        + key
        + " in Jira: close "
        + key
        + " in Jira; IncidentFlow follows it";
  }

  /**
   * Done ends the item. A status out of done while the item is open changes nothing; while this run
   * is finishing a done item, it makes the item open again in a new run (after the run ends, the
   * webhook starts that run itself).
   */
  @Override
  public void trackerStatusChanged(TrackerStatus status) {
    if (progress == null
        || progress.issue() == null
        || !progress.issue().key().equals(status.issueKey())) {
      return;
    }
    if (status.done()) {
      doneStatus = doneStatus == null ? status : doneStatus;
      reopenedWhileFinishing = false;
    } else if (doneStatus != null && !tookBefore(status, doneStatus)) {
      reopenedWhileFinishing = true;
      reopening = status;
    }
  }

  /**
   * Jira says {@code status} was taken before {@code done}: an event delivered late, not a
   * reopening. Unknown when either time is.
   */
  private static boolean tookBefore(TrackerStatus status, TrackerStatus done) {
    return status.changedAt() != null
        && done.changedAt() != null
        && status.changedAt().isBefore(done.changedAt());
  }

  @Override
  public ActionItemView view() {
    if (progress == null) {
      return null;
    }
    TrackerIssue issue = progress.issue();
    // An open item past its due day is overdue, though its overdue step may still be on its way: an
    // item made past due answered "open", then read "overdue".
    ActionItemStatus status =
        progress.status() == ActionItemStatus.OPEN && !FollowUpNotices.now().isBefore(input.dueAt())
            ? ActionItemStatus.OVERDUE
            : progress.status();
    return new ActionItemView(
        progress.number().id(),
        input.incidentId(),
        input.title(),
        input.owner(),
        input.due(),
        input.kind(),
        status,
        issue == null ? null : issue.key(),
        issue == null ? null : issue.url());
  }
}
