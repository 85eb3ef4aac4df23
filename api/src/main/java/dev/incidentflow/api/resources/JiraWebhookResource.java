package dev.incidentflow.api.resources;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.activities.store.ActionItemRow;
import dev.incidentflow.activities.store.FollowUpRepository;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.activities.store.IncidentRepository;
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
    TrackerStatus changed = statusOf(key, status);
    Optional<ActionItemRow> item = followUps.actionItemByJiraKey(key);
    if (item.isPresent()) {
      return actionItem(item.get(), changed);
    }
    Optional<PostmortemRecord> postmortem = followUps.postmortemByJiraKey(key);
    if (postmortem.isPresent()) {
      boolean delivered = gateway.trackerStatusChanged(postmortem.get().workflowId(), changed);
      return new JiraWebhookAnswer(
          key, "INC-" + postmortem.get().incidentNumber(), delivered ? "signaled" : "ignored");
    }
    return new JiraWebhookAnswer(key, null, "ignored");
  }

  private JiraWebhookAnswer actionItem(ActionItemRow item, TrackerStatus changed) {
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
    reopen(current, changed);
    return new JiraWebhookAnswer(changed.issueKey(), item.id(), "reopened");
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
            null));
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
   * The issue's {@code fields.status}: its name as people see it, or, when an event leaves the name
   * out, its status category's name (then key), so that a timeline never reads "is in Jira".
   */
  static TrackerStatus statusOf(String key, JsonNode status) {
    JsonNode category = status.path("statusCategory");
    String name =
        Stream.of(status.path("name"), category.path("name"), category.path("key"))
            .map(node -> node.asText("").trim())
            .filter(text -> !text.isEmpty())
            .findFirst()
            .orElse("");
    return new TrackerStatus(key, name, "done".equals(category.path("key").asText()));
  }
}
