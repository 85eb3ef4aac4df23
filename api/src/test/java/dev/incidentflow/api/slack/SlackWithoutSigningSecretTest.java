package dev.incidentflow.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.api.IncidentFlowConfiguration;
import dev.incidentflow.api.TestStack;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without a signing secret the Slack endpoints refuse everything: unsigned is never accepted. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlackWithoutSigningSecretTest {
  private static final TestStack STACK = TestStack.get();
  static final DropwizardAppExtension<IncidentFlowConfiguration> APP =
      STACK.app("e2e/policy.yml", ConfigOverride.config("slack.signingSecret", ""));

  @Test
  void slackEndpointsAnswer503NamingTheMissingSecret() {
    SlackSender slack = new SlackSender(APP.getLocalPort(), STACK.slack);
    String responseUrl = slack.responseUrl("commands");

    SlackSender.Answer command =
        slack.command("C0ANY", "U0ALICE", "alice", "declare SEV1 checkout Down", responseUrl);
    SlackSender.Answer click =
        slack.click("incident_acknowledge", "INC-1", "C0ANY", "U0ALICE", "alice", responseUrl);

    for (SlackSender.Answer answer : new SlackSender.Answer[] {command, click}) {
      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.json().path("error").asText())
          .isEqualTo("Slack signing secret not configured");
    }
    assertThat(slack.repliesTo(responseUrl)).isZero();
  }
}
