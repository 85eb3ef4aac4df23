package dev.incidentflow.workflows.postmortem;

import dev.incidentflow.workflows.activities.DirectoryActivities;
import dev.incidentflow.workflows.activities.IssueAssignment;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.activities.PostmortemStoreActivities;
import dev.incidentflow.workflows.activities.ResponderQuery;
import dev.incidentflow.workflows.activities.Responders;
import dev.incidentflow.workflows.activities.TimelineActivities;
import dev.incidentflow.workflows.activities.TrackerActivities;
import dev.incidentflow.workflows.activities.TrackerIssue;
import dev.incidentflow.workflows.activities.TrackerStatus;
import dev.incidentflow.workflows.incident.ActivityStubs;
import dev.incidentflow.workflows.model.Person;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.model.TimelineEvent;
import dev.incidentflow.workflows.model.TimelineEventType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Sequences the postmortem around {@link FollowUpPlan} (when to chase) and {@link
 * PostmortemDocument} (what the issue says); the messages are in {@link PostmortemMessages}.
 */
public class PostmortemWorkflowImpl implements PostmortemWorkflow {
  private static final Logger log = Workflow.getLogger(PostmortemWorkflowImpl.class);
  private static final int CONTINUE_AS_NEW_AFTER_EVENTS = 5_000;

  /**
   * Version 1 of this change saves the scheduled postmortem before asking Jira for its issue, and
   * again once Jira made it. In version 0 the first save waited for Jira: while Jira was down the
   * closed incident had no postmortem on record, so action items for it were refused and the
   * postmortem was missing from the on-time figures.
   */
  static final String SAVE_BEFORE_ISSUE = "postmortem-saved-before-its-issue";

  /**
   * Version 1 of this change answers a publication once it is saved and on the timeline, before it
   * is announced in Slack. In version 0 the answer waited for Slack, and publishing hung while
   * Slack was down although the postmortem was saved as published.
   */
  static final String PUBLISH_ANSWERED_BEFORE_SLACK = "publish-answered-before-slack";

  private final DirectoryActivities directory = ActivityStubs.of(DirectoryActivities.class);
  private final TimelineActivities timeline = ActivityStubs.of(TimelineActivities.class);
  private final TrackerActivities tracker = ActivityStubs.tracker(TrackerActivities.class);
  private final PostmortemStoreActivities store = ActivityStubs.of(PostmortemStoreActivities.class);
  private PostmortemInput input;
  private PostmortemProgress progress;
  private FollowUpNotices notices;
  private Person owner;
  private Person manager;
  private Publication publication;

  /**
   * When Jira moved the postmortem's issue to done; null for a publication made through the API.
   */
  private Instant doneInJiraAt;

  private boolean recorded;

  /**
   * A hand-over saved and on the timeline whose new owner is still to be told (and made the Jira
   * issue's assignee); null when there is none. The run does it, not the Update, so a hand-over is
   * answered while Slack or Jira is down. No version marker guards this or the owner the Update
   * changes: only {@link #handOver} sets them, and no history recorded before it existed has one.
   */
  private Handover toAnnounce;

  /**
   * Who owned it before the hand-overs still to be announced (the first of them, when several came
   * before the run got to them): told they no longer own it, unless they handed it over themselves
   * or own it again; null when nobody did.
   */
  private Person relieved;

  /** A hand-over is being made: the next one waits for it. */
  private boolean handingOver;

  /**
   * A save is on its way. Saves wait for each other, so one built before a hand-over changed the
   * owner cannot land after the hand-over's own and put the old owner back.
   */
  private boolean saving;

  @Override
  public PostmortemOutcome run(PostmortemInput input) {
    this.input = input;
    notices = new FollowUpNotices(Workflow.getInfo().getWorkflowId(), input.incidentNumber());
    owner = input.owner() == null ? null : notices.person(input.service(), input.owner());
    manager = notices.managerOf(input.service(), owner);
    progress = input.carried() != null ? input.carried() : schedule();
    FollowUpPlan plan = input.plan();
    while (publication == null) {
      if (toAnnounce != null) {
        announceOwner();
        continue;
      }
      Instant now = FollowUpNotices.now();
      FollowUpStep step = plan.dueStep(progress.followUp(), now).orElse(null);
      if (step != null) {
        chase(step);
        progress = progress.with(FollowUpNotices.after(plan, progress.followUp(), step, now));
        continue;
      }
      if (Workflow.getInfo().getHistoryLength() > CONTINUE_AS_NEW_AFTER_EVENTS
          || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (publication == null && toAnnounce == null) {
          // this.input: a hand-over replaced it, and the next run keeps the owner it was given.
          Workflow.continueAsNew(this.input.continuing(progress));
        }
        continue;
      }
      Workflow.await(
          Duration.between(now, plan.nextDeadline(progress.followUp())),
          () -> publication != null || toAnnounce != null);
    }
    finish();
    Workflow.await(Workflow::isEveryHandlerFinished);
    return new PostmortemOutcome(
        input.incidentId(), progress.issue() == null ? null : progress.issue().key(), publication);
  }

  private PostmortemProgress schedule() {
    Responders responders =
        directory.responders(
            new ResponderQuery(input.service(), FollowUpNotices.now(), input.commander()));
    progress =
        new PostmortemProgress(
            null, PostmortemStatus.SCHEDULED, input.plan().start(FollowUpNotices.now()));
    boolean savedFirst = Workflow.getVersion(SAVE_BEFORE_ISSUE, Workflow.DEFAULT_VERSION, 1) == 1;
    if (savedFirst) {
      save();
    }
    progress = progress.with(createIssue(responders.service().jiraProject()));
    if (!savedFirst || progress.issue() != null) {
      save();
    }
    notices.record(
        "scheduled",
        TimelineEventType.POSTMORTEM_SCHEDULED,
        "system",
        PostmortemMessages.scheduled(input, progress.issue(), owner),
        issueData());
    notices.post(
        input.stakeholderChannel(), PostmortemMessages.announced(input, progress.issue(), owner));
    notices.tell(owner, PostmortemMessages.assigned(input, progress.issue()));
    return progress;
  }

  private void chase(FollowUpStep step) {
    switch (step) {
      case REMIND -> notices.tell(owner, PostmortemMessages.reminder(input, progress.issue()));
      case OVERDUE -> {
        progress = progress.with(PostmortemStatus.OVERDUE);
        save();
        notices.record(
            "overdue",
            TimelineEventType.POSTMORTEM_OVERDUE,
            "system",
            PostmortemMessages.overdueEvent(input, owner, manager),
            issueData());
        notices.tell(owner, PostmortemMessages.overdue(input, progress.issue()));
      }
      case ESCALATE, REPEAT -> {
        notices.tell(manager, PostmortemMessages.escalation(input, progress.issue(), owner));
        if (step == FollowUpStep.REPEAT) {
          notices.tell(owner, PostmortemMessages.overdue(input, progress.issue()));
        }
        if (manager == null) {
          notices.post(
              input.stakeholderChannel(),
              PostmortemMessages.escalation(input, progress.issue(), owner));
        }
      }
      case POLL -> poll();
    }
  }

  private void poll() {
    if (progress.issue() == null) {
      String project =
          directory
              .responders(new ResponderQuery(input.service(), FollowUpNotices.now(), null))
              .service()
              .jiraProject();
      progress = progress.with(createIssue(project));
      if (progress.issue() != null) {
        save();
        notices.tell(owner, PostmortemMessages.assigned(input, progress.issue()));
      }
      return;
    }
    TrackerPolls.status(tracker, progress.issue().key(), input.incidentId() + "'s postmortem")
        .ifPresent(this::trackerStatusChanged);
  }

  private TrackerIssue createIssue(String project) {
    if (project == null) {
      log.warn(
          "{}: no Jira project for {} and no default; the postmortem has no issue",
          input.incidentId(),
          input.service());
      return null;
    }
    try {
      Person assignee = owner;
      return tracker.createIssue(
          PostmortemDocument.issue(
              input,
              project,
              assignee == null ? null : assignee.jiraAccount(),
              timeline.readTimeline(notices.incident())));
    } catch (ActivityFailure failure) {
      log.warn(
          "{}: Jira refused the postmortem issue; retrying at the next poll: {}",
          input.incidentId(),
          FollowUpNotices.reason(failure));
      return null;
    }
  }

  private void finish() {
    progress = progress.with(PostmortemStatus.PUBLISHED);
    save();
    notices.record(
        "published",
        TimelineEventType.POSTMORTEM_PUBLISHED,
        publication.by(),
        PostmortemMessages.published(input, publication),
        Map.of("url", publication.url()));
    if (Workflow.getVersion(PUBLISH_ANSWERED_BEFORE_SLACK, Workflow.DEFAULT_VERSION, 1) == 1) {
      recorded = true;
    }
    notices.post(input.stakeholderChannel(), PostmortemMessages.published(input, publication));
    recorded = true;
  }

  /** Tells the new owner they own it, and gives them the Jira issue. */
  private void announceOwner() {
    Handover handover = toAnnounce;
    Person previous = relieved;
    toAnnounce = null;
    relieved = null;
    Person told = owner;
    notices.tell(told, PostmortemMessages.handedOver(input, progress.issue(), handover));
    if (previous != null
        && !previous.handle().equals(handover.by())
        && (told == null || !previous.handle().equals(told.handle()))) {
      notices.tell(previous, PostmortemMessages.relieved(input, handover));
    }
    TrackerIssue issue = progress.issue();
    if (issue == null) {
      return;
    }
    try {
      tracker.assignIssue(
          new IssueAssignment(issue.key(), told == null ? null : told.jiraAccount()));
    } catch (ActivityFailure failure) {
      log.warn(
          "{}: Jira refused to assign {} to {}; it keeps its assignee: {}",
          input.incidentId(),
          issue.key(),
          told == null ? "nobody" : told.handle(),
          FollowUpNotices.reason(failure));
    }
  }

  private void save() {
    Workflow.await(() -> !saving);
    saving = true;
    try {
      saveNow();
    } finally {
      saving = false;
    }
  }

  private void saveNow() {
    TrackerIssue issue = progress.issue();
    store.savePostmortem(
        new PostmortemRecord(
            input.incidentNumber(),
            Workflow.getInfo().getWorkflowId(),
            progress.status(),
            input.dueAt(),
            issue == null ? null : issue.key(),
            issue == null ? null : issue.url(),
            publication == null ? null : publication.url(),
            publication == null ? null : publication.summary(),
            publication == null ? null : publication.by(),
            publication == null
                ? null
                : doneInJiraAt != null ? doneInJiraAt : FollowUpNotices.now(),
            input.owner()));
  }

  private Map<String, String> issueData() {
    return progress.issue() == null
        ? Map.of("due", input.dueAt().toString())
        : Map.of(
            "due",
            input.dueAt().toString(),
            "jiraKey",
            progress.issue().key(),
            "jiraUrl",
            progress.issue().url());
  }

  // ---- update, signal, query ----------------------------------------------------------------

  @Override
  public PostmortemView publish(Publication published) {
    if (publication == null) {
      publication = published;
    }
    Workflow.await(() -> recorded);
    return view();
  }

  @Override
  public void validatePublish(Publication published) {
    if (published.url().isBlank()) {
      throw new IllegalArgumentException("url is required");
    }
    if (input == null) {
      return;
    }
    if (publication != null && !publication.equals(published)) {
      // The same publication again is a retry (its answer was lost) and gets the same answer.
      throw new IllegalStateException(
          "the postmortem of "
              + input.incidentId()
              + " is already published at "
              + publication.url());
    }
  }

  @Override
  public PostmortemView handOver(Handover handover) {
    Workflow.await(() -> !handingOver);
    handingOver = true;
    try {
      String previous = input.owner();
      if (handover.owner().equals(previous)) {
        return view();
      }
      // Published while this waited behind another hand-over, after its validator let it in.
      refuseOncePublished();
      // Looked up before anything changes: a lookup that fails leaves the owner as it was.
      Person next = notices.person(input.service(), handover.owner());
      Person nextManager = notices.managerOf(input.service(), next);
      refuseOncePublished();
      if (toAnnounce == null) {
        relieved = owner;
      }
      input = input.withOwner(handover.owner());
      owner = next;
      manager = nextManager;
      save();
      Map<String, String> data =
          previous == null
              ? Map.of("to", handover.owner())
              : Map.of("from", previous, "to", handover.owner());
      notices.record(
          "handed-over/" + Workflow.randomUUID(),
          TimelineEventType.POSTMORTEM_HANDED_OVER,
          handover.by(),
          PostmortemMessages.handoverEvent(previous, handover),
          data);
      toAnnounce = handover;
    } finally {
      handingOver = false;
    }
    return view();
  }

  @Override
  public void validateHandOver(Handover handover) {
    if (handover.owner().isBlank()) {
      throw new IllegalArgumentException("owner is required");
    }
    if (input == null || progress == null) {
      throw new IllegalStateException(
          "the postmortem is still being scheduled; hand it over once it is");
    }
    if (publication != null && !handover.owner().equals(input.owner())) {
      // The same owner again is a retry (its answer was lost) and gets the same answer.
      throw new IllegalStateException(alreadyPublished());
    }
  }

  private void refuseOncePublished() {
    if (publication != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          alreadyPublished(), IllegalStateException.class.getName());
    }
  }

  private String alreadyPublished() {
    return "the postmortem of "
        + input.incidentId()
        + " is already published"
        + (publication.url() == null ? "" : " at " + publication.url())
        + "; it can no longer be handed over";
  }

  @Override
  public void trackerStatusChanged(TrackerStatus status) {
    if (publication == null
        && status.done()
        && progress != null
        && progress.issue() != null
        && progress.issue().key().equals(status.issueKey())) {
      publication =
          new Publication(
              progress.issue().url(),
              status.issueKey() + " is " + status.name() + " in Jira",
              TimelineEvent.JIRA);
      doneInJiraAt = status.changedBy(FollowUpNotices.now());
    }
  }

  @Override
  public PostmortemView view() {
    if (input == null || progress == null) {
      return null;
    }
    TrackerIssue issue = progress.issue();
    return new PostmortemView(
        input.incidentId(),
        progress.status(),
        input.dueAt(),
        issue == null ? null : issue.key(),
        issue == null ? null : issue.url(),
        publication == null || !recorded ? null : publication.url());
  }
}
