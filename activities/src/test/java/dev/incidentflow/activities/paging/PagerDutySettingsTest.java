package dev.incidentflow.activities.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PagerDutySettingsTest {

  @Test
  void unsetValuesFallBackToPagerDutyAndNoDefaultKey() {
    PagerDutySettings settings = PagerDutySettings.fromEnvironment(Map.of());

    assertThat(settings.hasDefaultRoutingKey()).isFalse();
    assertThat(settings.eventsUrl()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
  }

  @Test
  void environmentSuppliesKeyAndUrl() {
    PagerDutySettings settings =
        PagerDutySettings.fromEnvironment(
            Map.of(
                "PAGERDUTY_ROUTING_KEY", "R0UTING",
                "PAGERDUTY_EVENTS_URL", "http://127.0.0.1:9001/v2/enqueue"));

    assertThat(settings.defaultRoutingKey()).isEqualTo("R0UTING");
    assertThat(settings.eventsUri().getPort()).isEqualTo(9001);
  }

  @Test
  void blankRoutingKeyCountsAsUnset() {
    assertThat(new PagerDutySettings(" ", null).hasDefaultRoutingKey()).isFalse();
  }

  @Test
  void nonHttpEventsUrlIsRefused() {
    assertThatThrownBy(() -> new PagerDutySettings("R0UTING", "events.pagerduty.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventsUrl");
  }

  @Test
  void toStringDoesNotRevealTheRoutingKey() {
    assertThat(new PagerDutySettings("R0UTINGSECRET", null).toString()).doesNotContain("SECRET");
  }
}
