package dev.incidentflow.api.core;

import static java.util.Objects.requireNonNull;

import dev.incidentflow.activities.store.ActionItemRow;
import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.NulFreeText;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.errors.Problems;
import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.activities.TrackerText;
import dev.incidentflow.workflows.model.ActionItemKind;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.PostmortemStatus;
import dev.incidentflow.workflows.policy.ActionItemPolicy;
import dev.incidentflow.workflows.postmortem.ActionItemAdmission;
import dev.incidentflow.workflows.postmortem.ActionItemCompletion;
import dev.incidentflow.workflows.postmortem.ActionItemInput;
import dev.incidentflow.workflows.postmortem.ActionItemView;
import dev.incidentflow.workflows.postmortem.Handover;
import dev.incidentflow.workflows.postmortem.Publication;
import io.temporal.client.WorkflowNotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishing a postmortem, handing it over, adding an action item and marking one done, whoever
 * asks (the HTTP API or Slack): the same checks, the same refusals in the same words, the same
 * workflow calls. Every problem is an {@link ApiException}: 422 naming each bad field, 409 when the
 * incident's state forbids it.
 */
public final class FollowUpRequests {
  private final FollowUpGateway gateway;
  private final FollowUpRepository followUps;
  private final People people;
  private final ActionItemPolicy policy;
  private final Clock clock;

  /**
   * @param clock tells today, before which (by a day, for time zones behind UTC) a due date is a
   *     typo rather than a plan
   */
  public FollowUpRequests(
      FollowUpGateway gateway,
      FollowUpRepository followUps,
      People people,
      ActionItemPolicy policy,
      Clock clock) {
    this.gateway = requireNonNull(gateway, "gateway is null");
    this.followUps = requireNonNull(followUps, "followUps is null");
    this.people = requireNonNull(people, "people is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** A checked action item, not yet tied to an incident. */
  public record ActionItem(
      String title, String owner, LocalDate due, ActionItemKind kind, String by) {
    public ActionItem {
      requireNonNull(title, "title is null");
      requireNonNull(owner, "owner is null");
      requireNonNull(due, "due is null");
      requireNonNull(kind, "kind is null");
    }
  }

  /**
   * Checks an action item as written.
   *
   * @throws ApiException 422 naming every missing or bad field
   */
  public ActionItem actionItem(String title, String owner, String due, String kind, String by) {
    Problems problems =
        new Problems()
            .requireText("title", title)
            .requireText("owner", owner)
            .requireText("due", due)
            .requireText("kind", kind);
    people.check(problems, "owner", owner);
    LocalDate dueDate = null;
    if (!Problems.isBlank(due)) {
      try {
        dueDate = LocalDate.parse(due.trim());
        dueProblem(
                dueDate,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                policy.escalateAfterOverdue())
            .ifPresent(problems::add);
      } catch (DateTimeParseException e) {
        problems.add("due '" + due + "' is not a date (use 2026-11-27)");
      }
    }
    Optional<ActionItemKind> parsedKind = ActionItemKind.parse(kind);
    if (!Problems.isBlank(kind)) {
      problems.check(
          parsedKind.isPresent(), "kind '" + kind + "' must be root_cause or improvement");
    }
    problems.throwIfAny("invalid action item");
    return new ActionItem(title.trim(), people.handle(owner), dueDate, parsedKind.get(), by);
  }

  /**
   * What is wrong with a due date, if anything. One before yesterday is refused as a typo (a year
   * mistyped): the item would start overdue, and be escalated past its owner once {@code
   * escalateAfterOverdue} has passed since that day, which for a date long gone is at once.
   * Yesterday is taken, because it is still today where the clock is behind UTC. A request sent
   * again with its {@code Idempotency-Key} more than a day after the due date it was taken with is
   * refused too.
   */
  static Optional<String> dueProblem(
      LocalDate due, LocalDate today, Duration escalateAfterOverdue) {
    if (due.isBefore(today.minusDays(1))) {
      return Optional.of(
          "due "
              + due
              + " is in the past (today is "
              + today
              + " in UTC): the item would start overdue, and go to its owner's manager once "
              + TrackerText.duration(escalateAfterOverdue)
              + " past due");
    }
    if (due.isAfter(Problems.LATEST_DAY)) {
      return Optional.of("due " + due + " is after " + Problems.LATEST_DAY);
    }
    return Optional.empty();
  }

  /**
   * Refuses an action item on an incident whose postmortem is over, before anything starts; {@link
   * #add} checks again, but checking first lets a caller answer at once.
   *
   * @throws ApiException 409 when the incident was canceled, or is closed without an open
   *     postmortem
   */
  public void refuseWhenOver(IncidentRecord incident) {
    Optional<PostmortemStatus> postmortem =
        incident.status() == IncidentStatus.CLOSED
            ? followUps.postmortem(incident.number()).map(PostmortemRecord::status)
            : Optional.empty();
    ActionItemAdmission.refusal(incident.id(), incident.status(), postmortem)
        .ifPresent(
            reason -> {
              throw new ApiException(409, reason, List.of());
            });
  }

  /**
   * Starts the item's workflow; see {@link FollowUpGateway#add}.
   *
   * @param idempotencyKey the client's {@code Idempotency-Key}; null when it sent none
   */
  public FollowUpGateway.Added add(
      IncidentRecord incident, ActionItem item, String idempotencyKey) {
    ActionItemInput input =
        new ActionItemInput(
            incident.number(),
            incident.service(),
            item.title(),
            item.owner(),
            item.due(),
            item.kind(),
            item.by(),
            policy,
            0,
            null);
    try {
      if (idempotencyKey != null) {
        // Sent again after its incident ended, the request still finds the item it added; after
        // Temporal's retention removed the item's ended workflow, the store still has it.
        Optional<FollowUpGateway.Added> before =
            gateway
                .addedBefore(input, idempotencyKey)
                .or(() -> storedBefore(input, idempotencyKey));
        if (before.isPresent()) {
          return before.get();
        }
      }
      refuseWhenOver(incident);
      return gateway.add(input, idempotencyKey);
    } catch (Refusal refusal) {
      throw refusal.toApiException();
    }
  }

  /**
   * The item a request with {@code idempotencyKey} added before, as the store recorded it; empty
   * when the store has none.
   *
   * @throws Refusal (conflict) when the key added another item
   */
  private Optional<FollowUpGateway.Added> storedBefore(
      ActionItemInput input, String idempotencyKey) {
    String workflowId = FollowUpGateway.keyedWorkflowId(input.incidentId(), idempotencyKey);
    return followUps
        .actionItemByWorkflowId(workflowId)
        .map(
            row -> {
              ActionItemView view =
                  new ActionItemView(
                      row.id(),
                      input.incidentId(),
                      row.title(),
                      row.owner(),
                      row.due(),
                      row.kind(),
                      row.status(),
                      row.jiraKey(),
                      row.jiraUrl());
              FollowUpGateway.requireSameItem(view, input, idempotencyKey, NulFreeText::of);
              return new FollowUpGateway.Added(workflowId, Optional.of(view));
            });
  }

  /**
   * Marks action item {@code id} done, for a team whose items no Jira issue tracks: without it,
   * such an item is chased, and escalated to its owner's manager, for good. An item done already
   * (in Jira, or by an earlier call) is answered as it is. Whether it may be marked done is the
   * workflow's to say ({@code ActionItemWorkflow#validateMarkDone}): one whose issue Jira made is
   * closed in Jira.
   *
   * @return the item as stored once it is done, as {@code GET /v1/action-items} lists it
   * @throws ApiException 422 when {@code by} is missing or not a person in the catalog, 404 when no
   *     such item exists, 409 when Jira tracks it (or its workflow ended without it being done),
   *     503 when its workflow did not confirm it within the change wait
   */
  public ActionItemRow markDone(String id, String by, String note) {
    people.check(new Problems().requireText("by", by), "by", by).throwIfAny("invalid request");
    ActionItemRow item = stored(id);
    if (item.status() == ActionItemStatus.DONE) {
      return item;
    }
    boolean ran;
    try {
      ran =
          gateway
              .markDone(
                  item.workflowId(), item.id(), new ActionItemCompletion(people.handle(by), note))
              .isPresent();
    } catch (Refusal refusal) {
      // Done by Jira meanwhile, its run ending before it took this: that answers as done already.
      ActionItemRow stored = stored(item.id());
      if (stored.status() == ActionItemStatus.DONE) {
        return stored;
      }
      throw refusal.toApiException();
    }
    ActionItemRow stored = stored(item.id());
    if (stored.status() != ActionItemStatus.DONE) {
      // Its last run ended without saving it done: terminated from Temporal, say.
      throw new ApiException(
          409,
          item.id()
              + (ran ? " was not saved done" : "'s workflow has ended")
              + "; it cannot be marked done",
          List.of());
    }
    return stored;
  }

  /**
   * The stored action item.
   *
   * @throws ApiException 404 when {@code id} is not an action item id or no such item exists
   */
  public ActionItemRow stored(String id) {
    ActionItemNumber number =
        ActionItemNumber.parse(id == null ? null : id.strip())
            .orElseThrow(
                () -> ApiException.notFound("'" + id + "' is not an action item id (AI-<number>)"));
    return followUps
        .actionItem(number.number())
        .orElseThrow(() -> ApiException.notFound(number.id() + " does not exist"));
  }

  /**
   * Checks a publication as written.
   *
   * @throws ApiException 422 naming what is missing or not an http(s) URL
   */
  public static Publication publication(String url, String summary, String by) {
    Problems problems = new Problems().requireText("url", url).requireText("by", by);
    if (!Problems.isBlank(url)) {
      problems.check(isWebUrl(url.trim()), "url must be an http(s) URL");
    }
    problems.throwIfAny("invalid publication");
    return new Publication(url.trim(), summary, by.trim());
  }

  /**
   * Publishes the incident's postmortem.
   *
   * @throws ApiException 409 when it is already published otherwise (the same publication again is
   *     a retry, and succeeds) or the incident has none, 422 when the workflow finds the
   *     publication invalid
   */
  public void publish(IncidentRecord incident, Publication publication) {
    try {
      gateway.publish(incident.number(), publication);
    } catch (Refusal refusal) {
      throw refusal.toApiException();
    } catch (WorkflowNotFoundException ended) {
      Optional<PostmortemRecord> stored = followUps.postmortem(incident.number());
      if (stored.filter(pm -> isPublishedAs(pm, publication)).isPresent()) {
        // A retry whose first answer was lost, after the postmortem's workflow ended.
        return;
      }
      throw new ApiException(
          409,
          stored
              .filter(pm -> pm.status() == PostmortemStatus.PUBLISHED)
              .map(
                  pm ->
                      "the postmortem of "
                          + incident.id()
                          + " is already published at "
                          + pm.publishedUrl())
              .orElse(
                  incident.id()
                      + " has no postmortem to publish (its severity needs none, or it is not closed yet)"),
          List.of());
    }
  }

  /**
   * Checks a hand-over as written: both people named, both in the catalog (in any case).
   *
   * @return the hand-over, naming both by their catalog handles
   * @throws ApiException 422 naming each missing field and each name the catalog lacks
   */
  public Handover handover(String owner, String by) {
    Problems problems = new Problems().requireText("owner", owner).requireText("by", by);
    people.check(problems, "owner", owner);
    people.check(problems, "by", by);
    problems.throwIfAny("invalid hand-over");
    return new Handover(people.handle(owner), people.handle(by));
  }

  /**
   * Hands the incident's postmortem over to {@code handover.owner()}, through its workflow's {@code
   * handOver} Update as {@link #publish} goes through {@code publish}. Once the postmortem is
   * published, the owner it has already is answered as it is (a retry whose answer was lost);
   * before, the workflow is always asked, since a hand-over still on its way may change the owner
   * the store shows.
   *
   * @return the postmortem as stored once the new owner is saved
   * @throws ApiException 404 when the incident has no postmortem, 409 when it is published (or its
   *     workflow ended without it being published), 503 when the workflow did not confirm it within
   *     the change wait or a worker older than hand-overs runs it
   */
  public PostmortemRecord handOver(IncidentRecord incident, Handover handover) {
    PostmortemRecord stored = storedPostmortem(incident);
    if (stored.status() == PostmortemStatus.PUBLISHED) {
      if (handover.owner().equals(stored.owner())) {
        return stored;
      }
      throw alreadyPublished(incident, stored);
    }
    try {
      gateway.handOver(incident.number(), handover);
    } catch (Refusal refusal) {
      throw refusal.toApiException();
    } catch (WorkflowNotFoundException ended) {
      PostmortemRecord now = storedPostmortem(incident);
      if (handover.owner().equals(now.owner())) {
        return now;
      }
      if (now.status() == PostmortemStatus.PUBLISHED) {
        throw alreadyPublished(incident, now);
      }
      // Terminated from Temporal, say: nothing would remind the new owner of it.
      throw new ApiException(
          409,
          "the postmortem of " + incident.id() + "'s workflow has ended; it cannot be handed over",
          List.of());
    }
    return storedPostmortem(incident);
  }

  private PostmortemRecord storedPostmortem(IncidentRecord incident) {
    return followUps
        .postmortem(incident.number())
        .orElseThrow(() -> ApiException.notFound(incident.id() + " has no postmortem"));
  }

  private static ApiException alreadyPublished(IncidentRecord incident, PostmortemRecord stored) {
    return new ApiException(
        409,
        "the postmortem of "
            + incident.id()
            + " is already published at "
            + stored.publishedUrl()
            + "; it can no longer be handed over",
        List.of());
  }

  private static boolean isPublishedAs(PostmortemRecord stored, Publication publication) {
    return stored.status() == PostmortemStatus.PUBLISHED
        && publication.url().equals(stored.publishedUrl())
        && publication.summary().equals(Objects.toString(stored.summary(), ""))
        && publication.by().equals(stored.publishedBy());
  }

  private static boolean isWebUrl(String text) {
    try {
      URI uri = URI.create(text);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
