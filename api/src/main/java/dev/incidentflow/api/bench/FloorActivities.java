package dev.incidentflow.api.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The floor workflow's only activity. */
@ActivityInterface
public interface FloorActivities {

  /** Notes when it ran for {@code probeId}; does nothing else, so running it twice is harmless. */
  @ActivityMethod
  void noOp(String probeId);
}
