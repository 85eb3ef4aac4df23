package dev.incidentflow.activities.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;

/** One Slack Web API call, as the SDK's checked exceptions leave it. */
@FunctionalInterface
interface SlackCall<T extends SlackApiTextResponse> {

  T execute() throws IOException, SlackApiException;
}
