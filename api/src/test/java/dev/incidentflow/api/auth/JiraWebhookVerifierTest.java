package dev.incidentflow.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class JiraWebhookVerifierTest {
  private static final byte[] BODY =
      "{\"webhookEvent\":\"jira:issue_updated\"}".getBytes(StandardCharsets.UTF_8);
  private final JiraWebhookVerifier verifier = new JiraWebhookVerifier("s3cret");

  @Test
  void urlSecretVerifiesOnlyWhenItIsTheConfiguredOne() {
    assertThat(verifier.verifies("s3cret", null, BODY)).isTrue();
    assertThat(verifier.verifies("s3cre", null, BODY)).isFalse();
    assertThat(verifier.verifies("", null, BODY)).isFalse();
    assertThat(verifier.verifies(null, null, BODY)).isFalse();
  }

  @Test
  void signatureVerifiesOnlyTheBodyItSigned() {
    String signature = "sha256=" + verifier.hmac(BODY);

    assertThat(verifier.verifies(null, signature, BODY)).isTrue();
    assertThat(
            verifier.verifies(
                null, signature.toUpperCase(Locale.ROOT).replace("SHA256=", "sha256="), BODY))
        .isTrue();
    assertThat(verifier.verifies(null, signature, "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(verifier.verifies(null, verifier.hmac(BODY), BODY)).isFalse();
  }

  @Test
  void hmacIsTheHexSha256OfTheBodyUnderTheSecret() {
    // echo -n '{"webhookEvent":"jira:issue_updated"}' | openssl dgst -sha256 -hmac s3cret
    assertThat(verifier.hmac(BODY))
        .isEqualTo("d526c926197378546ace58856028d2f896fd75d707bf27746fea9cdd5e04802f");
  }

  @Test
  void withoutAConfiguredSecretNothingVerifies() {
    JiraWebhookVerifier unconfigured = new JiraWebhookVerifier(" ");

    assertThat(unconfigured.isConfigured()).isFalse();
    assertThat(unconfigured.verifies("", "sha256=", BODY)).isFalse();
    assertThat(unconfigured.verifies(" ", null, BODY)).isFalse();
  }
}
