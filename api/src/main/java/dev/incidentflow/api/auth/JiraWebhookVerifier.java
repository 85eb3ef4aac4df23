package dev.incidentflow.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells a genuine Jira webhook from anything else. Jira's webhooks can carry a secret only in their
 * URL ({@code ?secret=}); Jira Cloud can also sign the body ({@code X-Hub-Signature: sha256=<hex
 * HMAC-SHA256 of the body>}). Either proves the sender knows {@code JIRA_WEBHOOK_SECRET}; both are
 * compared in constant time. Without a configured secret nothing verifies.
 */
public final class JiraWebhookVerifier {
  private static final String PREFIX = "sha256=";

  private final byte[] secret;

  /**
   * @param secret {@code JIRA_WEBHOOK_SECRET}, or null/blank to refuse every webhook
   */
  public JiraWebhookVerifier(String secret) {
    this.secret =
        secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  public boolean isConfigured() {
    return secret != null;
  }

  /** Whether the URL's secret or the body's signature (either may be null) proves the sender. */
  public boolean verifies(String urlSecret, String signature, byte[] body) {
    if (secret == null) {
      return false;
    }
    boolean secretMatches =
        urlSecret != null
            && MessageDigest.isEqual(secret, urlSecret.getBytes(StandardCharsets.UTF_8));
    boolean signatureMatches =
        signature != null
            && signature.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
            && MessageDigest.isEqual(
                hmac(body).getBytes(StandardCharsets.US_ASCII),
                signature
                    .substring(PREFIX.length())
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII));
    return secretMatches | signatureMatches;
  }

  /** The lowercase hex HMAC-SHA256 of {@code body} under the secret, as Jira signs it. */
  String hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
