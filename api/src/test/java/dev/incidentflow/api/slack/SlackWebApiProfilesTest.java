package dev.incidentflow.api.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code users.info} against a WireMock Slack answering in Slack's own JSON. */
class SlackWebApiProfilesTest {
  private static final String USER =
      """
      {"ok": true, "user": {"id": "W012A3CDE", "team_id": "T012AB3C4", "name": "spengler", "deleted": false,
       "real_name": "Egon Spengler", "tz": "America/Los_Angeles", "tz_offset": -25200,
       "profile": {"avatar_hash": "ge3b51ca72de", "status_text": "Print is dead", "real_name": "Egon Spengler",
        "display_name": "spengler", "email": "spengler@ghostbusters.example.com", "team": "T012AB3C4"},
       "is_admin": true, "is_owner": false, "is_bot": false, "updated": 1502138686, "has_2fa": false}}""";

  private final WireMockServer slack = new WireMockServer(options().dynamicPort());
  private SlackWebApiProfiles profiles;

  @BeforeEach
  void start() {
    slack.start();
    profiles =
        new SlackWebApiProfiles(
            HttpClient.newHttpClient(),
            new ObjectMapper(),
            slack.baseUrl() + "/api/",
            "xoxb-test",
            Duration.ofSeconds(3));
  }

  @AfterEach
  void stop() {
    slack.stop();
  }

  @Test
  void asksForTheUserFormEncodedWithTheBotTokenAndReadsTheProfileEmail() {
    slack.stubFor(post(urlEqualTo("/api/users.info")).willReturn(okJson(USER)));

    assertThat(profiles.email("W012A3CDE")).contains("spengler@ghostbusters.example.com");
    slack.verify(
        postRequestedFor(urlEqualTo("/api/users.info"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withHeader("Authorization", equalTo("Bearer xoxb-test"))
            .withFormParam("user", equalTo("W012A3CDE")));
  }

  @Test
  void aUserWithoutAVisibleEmailOrNoUserAtAllHasNone() {
    slack.stubFor(
        post(urlEqualTo("/api/users.info"))
            .willReturn(
                okJson(USER.replace("\"email\": \"spengler@ghostbusters.example.com\", ", ""))));
    assertThat(profiles.email("W012A3CDE")).isEmpty();

    slack.stubFor(
        post(urlEqualTo("/api/users.info"))
            .willReturn(okJson("{\"ok\": false, \"error\": \"user_not_found\"}")));
    assertThat(profiles.email("W0GONE")).isEmpty();
  }

  @Test
  void slackTroubleIsAnErrorForTheCallerToFallBackOn() {
    slack.stubFor(
        post(urlEqualTo("/api/users.info"))
            .willReturn(
                okJson(
                    "{\"ok\": false, \"error\": \"missing_scope\","
                        + " \"needed\": \"users:read.email\", \"provided\": \"chat:write\"}")));
    assertThatThrownBy(() -> profiles.email("W012A3CDE"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing_scope");

    slack.stubFor(
        post(urlEqualTo("/api/users.info"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withBody("")));
    assertThatThrownBy(() -> profiles.email("W012A3CDE"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("HTTP 429");

    slack.stubFor(
        post(urlEqualTo("/api/users.info")).willReturn(okJson(USER).withFixedDelay(6_000)));
    assertThatThrownBy(() -> profiles.email("W012A3CDE")).isInstanceOf(UncheckedIOException.class);
  }
}
