package dev.incidentflow.workflows.policy;

import java.time.Duration;
import java.util.List;

/**
 * How often the incident channel must hear a status update.
 *
 * @param every the cadence, or null for updates at open and resolve only
 * @param audience where updates go besides the incident channel ({@code stakeholders})
 */
public record StatusUpdatePolicy(Duration every, List<String> audience) {

  public StatusUpdatePolicy {
    if (every != null && (every.isNegative() || every.isZero())) {
      throw new IllegalArgumentException("statusUpdates.every must be positive: " + every);
    }
    audience = audience == null ? List.of("channel") : List.copyOf(audience);
  }

  public boolean reachesStakeholders() {
    return audience.contains("stakeholders");
  }
}
