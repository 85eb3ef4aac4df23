package dev.incidentflow.activities.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.workflows.activities.PagerEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingPagingActivitiesTest {

  private final LoggingPagingActivities paging = new LoggingPagingActivities();

  @Test
  void recordsEveryEventItWouldHaveSentInOrder() {
    PagerEvent trigger =
        new PagerEvent(
            PagerEvent.Action.TRIGGER, null, "inc-1-step-0", "INC-1 down", null, null, null, null);
    PagerEvent resolve =
        new PagerEvent(
            PagerEvent.Action.RESOLVE, null, "inc-1-step-0", null, null, null, null, null);

    paging.send(trigger);
    paging.send(resolve);

    assertThat(paging.sent()).containsExactly(trigger, resolve);
  }

  @Test
  void keepsOnlyTheMostRecentEvents() {
    for (int i = 0; i < LoggingPagingActivities.MAX_RECORDED + 3; i++) {
      paging.send(
          new PagerEvent(
              PagerEvent.Action.TRIGGER, null, "key-" + i, null, null, null, null, null));
    }

    List<PagerEvent> sent = paging.sent();
    assertThat(sent).hasSize(LoggingPagingActivities.MAX_RECORDED);
    assertThat(sent.get(0).dedupKey()).isEqualTo("key-3");
  }
}
