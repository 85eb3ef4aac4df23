package dev.incidentflow.api.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The floor workflow's only activity. */
@ActivityInterface
public interface FloorActivities {

  /** The activity type of {@link #noOp}, as Temporal names it. */
  String NO_OP = "NoOp";

  /** Notes when it ran for {@code probeId}; does nothing else, so running it twice is harmless. */
  @ActivityMethod
  void noOp(String probeId);
}
