package dev.incidentflow.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.incidentflow.activities.store.IncidentRecord;
import dev.incidentflow.workflows.model.IncidentStatus;
import dev.incidentflow.workflows.model.Severity;
import dev.incidentflow.workflows.model.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An incident as the API shows it; {@code timeline} only on the single-incident view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentJson(
    String id,
    String title,
    String description,
    Severity severity,
    String service,
    IncidentStatus status,
    String source,
    String declaredBy,
    String commander,
    Map<String, String> roles,
    Channel channel,
    int escalationLevel,
    Instant nextUpdateDue,
    Instant triggeredAt,
    Instant acknowledgedAt,
    Instant identifiedAt,
    Instant mitigatedAt,
    Instant resolvedAt,
    Instant closedAt,
    Instant canceledAt,
    String workflowId,
    List<TimelineEvent> timeline) {

  /** The incident's Slack channel. */
  public record Channel(String id, String name) {}

  public static IncidentJson of(IncidentRecord record, List<TimelineEvent> timeline) {
    Channel channel =
        record.channelId() == null ? null : new Channel(record.channelId(), record.channelName());
    return new IncidentJson(
        record.id(),
        record.title(),
        record.description(),
        record.severity(),
        record.service(),
        record.status(),
        record.source(),
        record.declaredBy(),
        record.commander(),
        record.roles(),
        channel,
        record.escalationLevel(),
        record.nextUpdateDue(),
        record.triggeredAt(),
        record.acknowledgedAt(),
        record.identifiedAt(),
        record.mitigatedAt(),
        record.resolvedAt(),
        record.closedAt(),
        record.canceledAt(),
        record.workflowId(),
        timeline);
  }
}
