package dev.incidentflow.activities.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  @Test
  void unsetValuesFallBackToSlackAndNoToken() {
    SlackSettings settings = SlackSettings.fromEnvironment(Map.of());

    assertThat(settings.botToken()).isNull();
    assertThat(settings.hasBotToken()).isFalse();
    assertThat(settings.apiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(settings.privateChannels()).isFalse();
  }

  @Test
  void blankTokenCountsAsUnset() {
    assertThat(new SlackSettings("  ", null, false).hasBotToken()).isFalse();
  }

  @Test
  void environmentSuppliesTokenAndApiUrlWithTheTrailingSlashTheSdkNeeds() {
    SlackSettings settings =
        SlackSettings.fromEnvironment(
            Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_API_URL", "http://127.0.0.1:9000/api"));

    assertThat(settings.botToken()).isEqualTo("xoxb-1");
    assertThat(settings.apiUrl()).isEqualTo("http://127.0.0.1:9000/api/");
  }

  @Test
  void nonHttpApiUrlIsRefused() {
    assertThatThrownBy(() -> new SlackSettings("xoxb-1", "slack.com/api/", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiUrl");
  }

  @Test
  void toStringDoesNotRevealTheToken() {
    assertThat(new SlackSettings("xoxb-secret", null, false).toString()).doesNotContain("secret");
  }
}
