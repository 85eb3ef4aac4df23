package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.activities.store.ActionItemRow;
import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.IncidentRepository;
import dev.incidentflow.activities.tracker.JiraClient;
import dev.incidentflow.api.auth.JiraWebhookVerifier;
import dev.incidentflow.api.core.FollowUpGateway;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.json.JiraWebhookAnswer;
import dev.incidentflow.workflows.activities.PostmortemRecord;
import dev.incidentflow.workflows.activities.TrackerStatus;
import dev.incidentflow.workflows.model.ActionItemStatus;
import dev.incidentflow.workflows.policy.ActionItemPolicy;
import dev.incidentflow.workflows.postmortem.ActionItemInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jira's {@code jira:issue_updated} webhook. An issue of an action item or a postmortem reaching a
 * done status category signals its workflow; an action item Jira reopens after its workflow ended
 * is chased again. Anything that is not proven to come from Jira is 401; an event about an issue
 * IncidentFlow does not track is answered 200, so Jira does not retry it.
 */
@Path("/v1/jira/webhook")
@Produces(MediaType.APPLICATION_JSON)
public class JiraWebhookResource {
  private static final Logger log = LoggerFactory.getLogger(JiraWebhookResource.class);

  private final JiraWebhookVerifier verifier;
  private final FollowUpGateway gateway;
  private final IncidentRepository incidents;
  private final FollowUpRepository followUps;
  private final ActionItemPolicy policy;
  private final ObjectMapper json;

  public JiraWebhookResource(
      JiraWebhookVerifier verifier,
      FollowUpGateway gateway,
      IncidentRepository incidents,
      FollowUpRepository followUps,
      ActionItemPolicy policy,
      ObjectMapper json) {
    this.verifier = requireNonNull(verifier, "verifier is null");
    this.gateway = requireNonNull(gateway, "gateway is null");
    this.incidents = requireNonNull(incidents, "incidents is null");
    this.followUps = requireNonNull(followUps, "followUps is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.json = requireNonNull(json, "json is null");
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public JiraWebhookAnswer receive(
      @QueryParam("secret") String secret,
      @HeaderParam("X-Hub-Signature") String signature,
      byte[] body) {
    byte[] raw = body == null ? new byte[0] : body;
    if (!verifier.verifies(secret, signature, raw)) {
      throw new ApiException(
          401,
          "not a verified Jira webhook",
          List.of(
              verifier.isConfigured()
                  ? "send ?secret=<JIRA_WEBHOOK_SECRET> or X-Hub-Signature: sha256=<HMAC of the body>"
                  : "JIRA_WEBHOOK_SECRET is not set, so no webhook is accepted"));
    }
    JsonNode event = parse(raw);
    JsonNode issue = event.path("issue");
    String key = issue.path("key").asText("");
    JsonNode status = issue.path("fields").path("status");
    if (!"jira:issue_updated".equals(event.path("webhookEvent").asText())
        || key.isEmpty()
        || status.isMissingNode()) {
      return new JiraWebhookAnswer(key.isEmpty() ? null : key, null, "ignored");
    }
    TrackerStatus changed = statusOf(event);
    Optional<ActionItemRow> item = followUps.actionItemByJiraKey(key);
    if (item.isPresent()) {
      return actionItem(item.get(), changed, eventTime(event));
    }
    Optional<PostmortemRecord> postmortem = followUps.postmortemByJiraKey(key);
    if (postmortem.isPresent()) {
      boolean delivered = gateway.trackerStatusChanged(postmortem.get().workflowId(), changed);
      return new JiraWebhookAnswer(
          key, "INC-" + postmortem.get().incidentNumber(), delivered ? "signaled" : "ignored");
    }
    return new JiraWebhookAnswer(key, null, "ignored");
  }

  /**
   * @param sentAt when Jira says the event happened; null when it did not say
   */
  private JiraWebhookAnswer actionItem(ActionItemRow item, TrackerStatus changed, Instant sentAt) {
    if (changed.done()
        && isBeforeLastReopening(item, sentAt == null ? changed.changedAt() : sentAt)) {
      // A done event from before Jira reopened the item, delivered late (Jira retries a webhook
      // that failed, and does not keep their order): the issue is not done now. Taken, it ended
      // the chasing of an item Jira has open, and nothing polled it again.
      log.info(
          "{}: a done event of {} sent at {}, before the item was reopened, is not a completion",
          item.id(),
          changed.issueKey(),
          sentAt == null ? changed.changedAt() : sentAt);
      return new JiraWebhookAnswer(changed.issueKey(), item.id(), "ignored");
    }
    if (gateway.trackerStatusChanged(item.workflowId(), changed)) {
      return new JiraWebhookAnswer(changed.issueKey(), item.id(), "signaled");
    }
    // No run took the signal, so the item's last run has ended, and a run saves its item done
    // before
    // it ends. The row read above may predate that save (the run was still finishing when this
    // event
    // came in), so the row as it is now decides; judged by the stale one, a reopening landing the
    // instant the run ended would be ignored and the item stay done for good.
    ActionItemRow current = followUps.actionItem(item.number()).orElse(item);
    if (changed.done() || current.status() != ActionItemStatus.DONE) {
      return new JiraWebhookAnswer(changed.issueKey(), item.id(), "ignored");
    }
    if (sentAt != null && current.doneAt() != null && sentAt.isBefore(current.doneAt())) {
      // An event from before the issue was done, delivered late (Jira retries a webhook that
      // failed, and does not keep their order): not a reopening.
      log.info(
          "{}: an event of {} sent at {}, before the item was done, is not a reopening",
          item.id(),
          changed.issueKey(),
          sentAt);
      return new JiraWebhookAnswer(changed.issueKey(), item.id(), "ignored");
    }
    reopen(current, changed);
    return new JiraWebhookAnswer(changed.issueKey(), item.id(), "reopened");
  }

  /** Whether {@code sentAt} (null when Jira did not say) is before Jira last reopened the item. */
  private boolean isBeforeLastReopening(ActionItemRow item, Instant sentAt) {
    return sentAt != null
        && followUps.lastReopening(item).filter(reopened -> sentAt.isBefore(reopened)).isPresent();
  }

  private void reopen(ActionItemRow item, TrackerStatus changed) {
    IncidentRecord incident =
        incidents
            .find(item.incidentNumber())
            .orElseThrow(
                () -> new IllegalStateException(item.id() + " belongs to a missing incident"));
    gateway.reopen(
        item.workflowId(),
        new ActionItemInput(
            item.incidentNumber(),
            incident.service(),
            item.title(),
            item.owner(),
            item.due(),
            item.kind(),
            item.createdBy(),
            policy,
            item.round() + 1,
            null,
            changed));
    log.info(
        "{} ({}) was reopened in Jira ({}); chasing it again",
        item.id(),
        changed.issueKey(),
        changed.name());
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode event = json.readTree(body);
      if (event == null || !event.isObject()) {
        throw new ApiException(
            400, "invalid JSON body", List.of("expected a Jira webhook event object"));
      }
      return event;
    } catch (IOException e) {
      throw new ApiException(400, "invalid JSON body", List.of(e.getMessage()));
    }
  }

  /**
   * The issue's status as the event gives it, with the time it took it. The status is {@code
   * fields.status}'s name as people see it, or, when an event leaves the name out, its status
   * category's name (then key), so that a timeline never reads "is in Jira". The time is Jira's
   * {@code statuscategorychangedate} when the event carries it, or the event's time when its
   * changelog changes the status. Who took it is the event's user (its display name), only when its
   * changelog changes the status: an event that edits something else names its own editor.
   */
  static TrackerStatus statusOf(JsonNode event) {
    JsonNode fields = event.path("issue").path("fields");
    JsonNode status = fields.path("status");
    JsonNode category = status.path("statusCategory");
    String name =
        Stream.of(status.path("name"), category.path("name"), category.path("key"))
            .map(node -> node.asText("").trim())
            .filter(text -> !text.isEmpty())
            .findFirst()
            .orElse("");
    Instant changedAt = JiraClient.time(fields.path("statuscategorychangedate"));
    boolean statusChanged = false;
    for (JsonNode change : event.path("changelog").path("items")) {
      statusChanged |= "status".equals(change.path("field").asText());
    }
    if (changedAt == null && statusChanged) {
      changedAt = eventTime(event);
    }
    String by = statusChanged ? event.path("user").path("displayName").asText("") : "";
    return new TrackerStatus(
        event.path("issue").path("key").asText(),
        name,
        "done".equals(category.path("key").asText()),
        changedAt,
        by);
  }

  /** The event's {@code timestamp} (milliseconds since the epoch); null when it has none. */
  private static Instant eventTime(JsonNode event) {
    long millis = event.path("timestamp").asLong(0);
    return millis > 0 ? Instant.ofEpochMilli(millis) : null;
  }
}
