package dev.incidentflow.api.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way Slack does ({@code v0=} hex HMAC-SHA256 of {@code v0:<timestamp>:<body>}),
 * written independently of the code under test; SlackRequestVerifierTest pins both to Slack's own
 * documented example.
 */
final class SlackSigner {
  private final String secret;

  SlackSigner(String secret) {
    this.secret = secret;
  }

  String sign(String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
