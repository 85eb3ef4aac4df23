package dev.incidentflow.api.slack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The parts of a Slack interaction payload (form field {@code payload}) that a button click needs.
 * Slack adds fields over time; unknown ones are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockActionsPayload(
    String type,
    User user,
    Channel channel,
    @JsonProperty("response_url") String responseUrl,
    List<Action> actions) {

  /** The type of a button click. */
  public static final String BLOCK_ACTIONS = "block_actions";

  public BlockActionsPayload {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /** Who clicked. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record User(String id, String username, String name) {}

  /** Where the message with the button is. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Channel(String id, String name) {}

  /** One clicked element: the button's {@code action_id} and {@code value}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Action(@JsonProperty("action_id") String actionId, String value) {}
}
