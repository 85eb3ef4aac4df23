package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentflow.api.errors.ApiException;
import dev.incidentflow.api.errors.Problems;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Slack's slash commands and Block Kit button clicks. {@link SlackSignatureFilter} has verified the
 * request before Jersey decodes the form.
 */
@Path("/v1/slack")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class SlackResource {
  private final SlackCockpit cockpit;
  private final ObjectMapper json;

  public SlackResource(SlackCockpit cockpit, ObjectMapper json) {
    this.cockpit = requireNonNull(cockpit, "cockpit is null");
    this.json = requireNonNull(json, "json is null");
  }

  /** {@code /incident ...}: always 200, with an ephemeral answer for the person who typed it. */
  @POST
  @Path("/commands")
  public SlackReply command(MultivaluedMap<String, String> form) {
    return cockpit.command(
        new SlashCommandRequest(
            form.getFirst("user_id"),
            form.getFirst("user_name"),
            form.getFirst("channel_id"),
            form.getFirst("text"),
            form.getFirst("response_url")));
  }

  /**
   * A button click ({@code block_actions}): an empty 200 at once; answers go to {@code
   * response_url}.
   */
  @POST
  @Path("/interactions")
  public Response interaction(@FormParam("payload") String payload) throws JsonProcessingException {
    if (Problems.isBlank(payload)) {
      throw new ApiException(400, "the form field payload is required", List.of());
    }
    BlockActionsPayload click = json.readValue(payload, BlockActionsPayload.class);
    if (click == null) {
      throw new ApiException(400, "the form field payload must be a JSON object", List.of());
    }
    cockpit.click(click);
    return Response.ok().build();
  }
}
