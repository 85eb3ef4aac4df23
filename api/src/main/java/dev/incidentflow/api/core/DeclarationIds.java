package dev.incidentflow.api.core;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The workflow ids of incidents people declare: {@code declared-<uuid>}, a new one per declaration,
 * so a declaration's workflow never shares its id with an alert group's.
 */
public final class DeclarationIds {
  private static final String PREFIX = "declared-";

  /** {@link UUID#toString()}'s form: lower-case hex in groups of 8, 4, 4, 4 and 12. */
  private static final Pattern SHAPE =
      Pattern.compile(
          Pattern.quote(PREFIX) + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private DeclarationIds() {}

  /** The workflow id of a new declaration. */
  public static String next() {
    return PREFIX + UUID.randomUUID();
  }

  /**
   * The workflow id of the declaration sent with {@code idempotencyKey}: the same for the same key,
   * in {@link #next}'s shape (a name-based UUID).
   */
  public static String of(String idempotencyKey) {
    return PREFIX
        + UUID.nameUUIDFromBytes(
            ("declaration " + idempotencyKey).getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code workflowId} has the shape {@link #next} gives, and nothing else. */
  public static boolean isDeclaration(String workflowId) {
    return workflowId != null && SHAPE.matcher(workflowId).matches();
  }
}
