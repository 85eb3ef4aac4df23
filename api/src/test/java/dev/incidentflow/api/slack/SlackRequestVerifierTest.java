package dev.incidentflow.api.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackRequestVerifierTest {
  // The worked example of Slack's "Verifying requests from Slack" documentation.
  private static final String DOCUMENTED_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String DOCUMENTED_TIMESTAMP = "1531420618";
  private static final byte[] DOCUMENTED_BODY =
      ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
              + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
              + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
              + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
          .getBytes(StandardCharsets.UTF_8);
  private static final String DOCUMENTED_SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
  private static final Instant SENT = Instant.ofEpochSecond(Long.parseLong(DOCUMENTED_TIMESTAMP));

  @Test
  void acceptsSlacksDocumentedExample() {
    assertThat(
            verifierAt(SENT.plusSeconds(2))
                .rejection(DOCUMENTED_TIMESTAMP, DOCUMENTED_SIGNATURE, DOCUMENTED_BODY))
        .isEmpty();
  }

  @Test
  void acceptsRequestsUpToFiveMinutesAwayEitherWay() {
    assertThat(
            verifierAt(SENT.plusSeconds(300))
                .rejection(DOCUMENTED_TIMESTAMP, DOCUMENTED_SIGNATURE, DOCUMENTED_BODY))
        .isEmpty();
    assertThat(
            verifierAt(SENT.minusSeconds(300))
                .rejection(DOCUMENTED_TIMESTAMP, DOCUMENTED_SIGNATURE, DOCUMENTED_BODY))
        .isEmpty();
  }

  @Test
  void refusesARequestMoreThanFiveMinutesOld() {
    assertThat(
            verifierAt(SENT.plusSeconds(301))
                .rejection(DOCUMENTED_TIMESTAMP, DOCUMENTED_SIGNATURE, DOCUMENTED_BODY))
        .contains("the request is more than 5 minutes old");
  }

  @Test
  void refusesARequestTimestampedMoreThanFiveMinutesAhead() {
    assertThat(
            verifierAt(SENT.minusSeconds(301))
                .rejection(DOCUMENTED_TIMESTAMP, DOCUMENTED_SIGNATURE, DOCUMENTED_BODY))
        .contains("the request is timestamped more than 5 minutes in the future");
  }

  @Test
  void refusesABodyChangedByOneByte() {
    byte[] tampered = DOCUMENTED_BODY.clone();
    tampered[tampered.length - 1] ^= 1;

    assertThat(verifierAt(SENT).rejection(DOCUMENTED_TIMESTAMP, DOCUMENTED_SIGNATURE, tampered))
        .contains("the signature does not match the body and timestamp");
  }

  @Test
  void refusesTheSameBodyAndSignatureUnderANewTimestamp() {
    String later = Long.toString(SENT.getEpochSecond() + 60);

    assertThat(
            verifierAt(SENT.plusSeconds(60))
                .rejection(later, DOCUMENTED_SIGNATURE, DOCUMENTED_BODY))
        .contains("the signature does not match the body and timestamp");
  }

  @Test
  void refusesASignatureMadeWithAnotherSecret() {
    SlackRequestVerifier other =
        new SlackRequestVerifier("another-secret", Clock.fixed(SENT, ZoneOffset.UTC));

    assertThat(other.rejection(DOCUMENTED_TIMESTAMP, DOCUMENTED_SIGNATURE, DOCUMENTED_BODY))
        .isPresent();
  }

  @Test
  void namesWhatIsMissingOrMalformed() {
    SlackRequestVerifier verifier = verifierAt(SENT);

    assertThat(verifier.rejection(null, DOCUMENTED_SIGNATURE, DOCUMENTED_BODY))
        .contains("the X-Slack-Request-Timestamp header is missing");
    assertThat(verifier.rejection(DOCUMENTED_TIMESTAMP, null, DOCUMENTED_BODY))
        .contains("the X-Slack-Signature header is missing");
    assertThat(verifier.rejection("yesterday", DOCUMENTED_SIGNATURE, DOCUMENTED_BODY))
        .contains("X-Slack-Request-Timestamp is not a number of seconds");
    assertThat(
            verifier.rejection(
                DOCUMENTED_TIMESTAMP, "v1=" + DOCUMENTED_SIGNATURE.substring(3), DOCUMENTED_BODY))
        .contains("the signature does not match the body and timestamp");
    assertThat(
            verifier.rejection(
                Long.toString(Long.MIN_VALUE), DOCUMENTED_SIGNATURE, DOCUMENTED_BODY))
        .contains("the request is more than 5 minutes old");
  }

  @Test
  void aBlankSecretIsAConfigurationError() {
    assertThatThrownBy(() -> new SlackRequestVerifier(" ", Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SlackRequestVerifier verifierAt(Instant now) {
    return new SlackRequestVerifier(DOCUMENTED_SECRET, Clock.fixed(now, ZoneOffset.UTC));
  }
}
