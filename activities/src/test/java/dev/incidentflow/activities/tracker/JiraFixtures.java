package dev.incidentflow.activities.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.incidentflow.workflows.activities.IssueKind;
import dev.incidentflow.workflows.activities.NewTrackerIssue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Jira's answers as its REST v2 sends them (test resources under {@code fixtures/jira-*}). */
final class JiraFixtures {
  static final String LABEL = "incidentflow-action-item-inc-42-7c1e";

  private JiraFixtures() {}

  static String read(String name) {
    try (InputStream in = JiraFixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResponseDefinitionBuilder json(int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(read(fixture));
  }

  static NewTrackerIssue actionItem(String assignee) {
    return new NewTrackerIssue(
        IssueKind.ACTION_ITEM,
        "PAY",
        "[INC-42] Add burn-rate alert for checkout-api canary",
        "Action item AI-3 from the postmortem of INC-42.",
        List.of("incidentflow", "action-item", "inc-42", "improvement"),
        LABEL,
        assignee,
        LocalDate.parse("2026-11-27"));
  }
}
