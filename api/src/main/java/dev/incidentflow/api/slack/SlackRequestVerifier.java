package dev.incidentflow.api.slack;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells a request Slack sent from one anybody could have sent: Slack signs {@code
 * v0:<timestamp>:<raw body>} with the app's signing secret (HMAC-SHA256, {@code X-Slack-Signature:
 * v0=<hex>}) and stamps {@code X-Slack-Request-Timestamp} in epoch seconds.
 *
 * <p>Unlike the Slack SDK's verifier this refuses timestamps more than five minutes away on either
 * side, so a captured request cannot be replayed later and a clock-skewed one cannot be stored for
 * the future; and it compares in constant time, so the signature cannot be guessed byte by byte. A
 * replayed body under a fresh timestamp fails because the timestamp is part of what is signed.
 */
public final class SlackRequestVerifier {
  /** How far a request's timestamp may be from now, either way. */
  public static final Duration MAX_CLOCK_DISTANCE = Duration.ofMinutes(5);

  private static final String VERSION = "v0";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Clock clock;

  public SlackRequestVerifier(String signingSecret, Clock clock) {
    requireNonNull(signingSecret, "signingSecret is null");
    if (signingSecret.isBlank()) {
      throw new IllegalArgumentException("the Slack signing secret must not be blank");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Why the request is not one Slack signed just now, or empty when it is.
   *
   * @param timestamp {@code X-Slack-Request-Timestamp} as sent, or null when missing
   * @param signature {@code X-Slack-Signature} as sent, or null when missing
   * @param body the raw request body, before anything decoded it
   */
  public Optional<String> rejection(String timestamp, String signature, byte[] body) {
    requireNonNull(body, "body is null");
    if (timestamp == null || timestamp.isBlank()) {
      return Optional.of("the X-Slack-Request-Timestamp header is missing");
    }
    if (signature == null || signature.isBlank()) {
      return Optional.of("the X-Slack-Signature header is missing");
    }
    long sentAt;
    try {
      sentAt = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return Optional.of("X-Slack-Request-Timestamp is not a number of seconds");
    }
    long now = clock.instant().getEpochSecond();
    long allowed = MAX_CLOCK_DISTANCE.toSeconds();
    if (sentAt < now - allowed) {
      return Optional.of("the request is more than 5 minutes old");
    }
    if (sentAt > now + allowed) {
      return Optional.of("the request is timestamped more than 5 minutes in the future");
    }
    byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("the signature does not match the body and timestamp");
    }
    return Optional.empty();
  }

  private String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
