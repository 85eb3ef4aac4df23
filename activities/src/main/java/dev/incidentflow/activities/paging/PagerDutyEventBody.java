package dev.incidentflow.activities.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidentflow.workflows.activities.PagerEvent;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The Events API v2 JSON for a {@link PagerEvent}. */
final class PagerDutyEventBody {

  /** PagerDuty rejects a longer {@code payload.summary} with 400. */
  static final int SUMMARY_MAX = 1024;

  private PagerDutyEventBody() {}

  /**
   * Only a trigger carries a {@code payload}; acknowledge and resolve name the alert by {@code
   * routing_key} and {@code dedup_key} alone.
   */
  static ObjectNode of(ObjectMapper json, PagerEvent event, String routingKey) {
    ObjectNode body = json.createObjectNode();
    body.put("routing_key", routingKey);
    body.put("event_action", event.action().name().toLowerCase(Locale.ROOT));
    body.put("dedup_key", event.dedupKey());
    if (event.action() == PagerEvent.Action.TRIGGER) {
      ObjectNode payload = body.putObject("payload");
      payload.put("summary", summary(event));
      payload.put("source", event.source());
      payload.put("severity", event.severity());
      if (event.component() != null && !event.component().isBlank()) {
        payload.put("component", event.component());
      }
      if (!event.customDetails().isEmpty()) {
        ObjectNode details = payload.putObject("custom_details");
        // Sorted so the same event always produces the same bytes.
        for (Map.Entry<String, String> entry : new TreeMap<>(event.customDetails()).entrySet()) {
          details.put(entry.getKey(), entry.getValue());
        }
      }
    }
    return body;
  }

  /**
   * PagerDuty requires a summary; an empty one would be refused, and paging with the dedup key as
   * the headline beats not paging at all.
   */
  private static String summary(PagerEvent event) {
    String summary = event.summary().isBlank() ? event.dedupKey() : event.summary();
    if (summary.length() <= SUMMARY_MAX) {
      return summary;
    }
    int end = SUMMARY_MAX - 1;
    if (Character.isHighSurrogate(summary.charAt(end - 1))) {
      end--;
    }
    return summary.substring(0, end) + "\u2026";
  }
}
