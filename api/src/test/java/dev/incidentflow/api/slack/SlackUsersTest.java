package dev.incidentflow.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentflow.activities.directory.Catalog;
import dev.incidentflow.activities.directory.CatalogDefaults;
import dev.incidentflow.workflows.model.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Slack users become catalog people by Slack id, else by their profile's email; Slack trouble never
 * fails a command.
 */
class SlackUsersTest {
  private static final Duration REMEMBER = Duration.ofMinutes(5);
  private static final Catalog CATALOG =
      new Catalog(
          Map.of(
              "alice",
                  new Person("alice", "Alice Ng", "alice@example.com", "U0ALICE", null, null, null),
              "dana",
                  new Person("dana", "Dana Whitfield", "Dana@Example.com", null, null, null, null)),
          Map.of(),
          Map.of(),
          Map.of(),
          new CatalogDefaults("unknown", "incidents", "OPS"));

  private final FakeProfiles slack = new FakeProfiles();
  private final MovableClock clock = new MovableClock();
  private final SlackUsers users = new SlackUsers(CATALOG, slack, clock, REMEMBER);

  @Test
  void aCatalogSlackIdNeedsNoQuestionToSlack() {
    assertThat(users.actor("U0ALICE", "alice.ng")).isEqualTo(new SlackActor("U0ALICE", "alice"));
    assertThat(slack.asked).isEmpty();
  }

  @Test
  void anUnknownSlackIdIsMatchedByTheEmailOfItsSlackProfile() {
    slack.emails.put("W0DANA", "dana@EXAMPLE.com ");

    assertThat(users.actor("W0DANA", "dana.w")).isEqualTo(new SlackActor("W0DANA", "dana"));
    assertThat(users.handleOf(new SlackMention("W0DANA", null))).contains("dana");
    assertThat(slack.asked).containsExactly("W0DANA");
  }

  @Test
  void slacksAnswerIsRememberedBrieflyThenAskedAgain() {
    slack.emails.put("W0DANA", "dana@example.com");
    users.actor("W0DANA", "dana.w");
    users.actor("U0GUEST", "guest");

    clock.advance(REMEMBER.minusSeconds(1));
    users.actor("W0DANA", "dana.w");
    users.actor("U0GUEST", "guest");
    assertThat(slack.asked).containsExactly("W0DANA", "U0GUEST");

    clock.advance(Duration.ofSeconds(1));
    assertThat(users.actor("W0DANA", "dana.w").by()).isEqualTo("dana");
    assertThat(slack.asked).containsExactly("W0DANA", "U0GUEST", "W0DANA");
  }

  @Test
  void somebodyTheCatalogDoesNotKnowIsRecordedByTheirSlackName() {
    slack.emails.put("U0ZOE", "zoe@contractor.example.com");

    assertThat(users.actor("U0ZOE", "zoe.k")).isEqualTo(new SlackActor("U0ZOE", "zoe.k"));
    assertThat(users.actor("U0NOEMAIL", "")).isEqualTo(new SlackActor("U0NOEMAIL", "U0NOEMAIL"));
    assertThat(users.handleOf(new SlackMention("U0ZOE", "zoe"))).contains("zoe");
    assertThat(users.handleOf(new SlackMention("U0ZOE", null))).isEmpty();
  }

  @Test
  void aSlackNameThatIsTheHandleOfACatalogPersonWithAnotherSlackIdIsNotTakenForThem() {
    slack.emails.put("U0MALLORY", "mallory@contractor.example.com");

    assertThat(users.actor("U0MALLORY", "alice"))
        .isEqualTo(new SlackActor("U0MALLORY", "alice (Slack U0MALLORY)"));
    assertThat(users.actor("U0MALLORY", "Alice").by()).isEqualTo("Alice (Slack U0MALLORY)");
    assertThat(users.handleOf(new SlackMention("U0MALLORY", "alice"))).isEmpty();
    // The catalog's alice stays alice.
    assertThat(users.handleOf(new SlackMention("U0ALICE", "alice.ng"))).contains("alice");
    // A name that is alice's to the catalog, which compares names ignoring case letter by letter
    // (a dotless \u0131 matches i), though not once lower-cased: not taken for her either.
    assertThat(users.actor("U0MALLORY", "al\u0131ce").by())
        .isEqualTo("al\u0131ce (Slack U0MALLORY)");
    assertThat(users.handleOf(new SlackMention("U0MALLORY", "al\u0131ce"))).isEmpty();
  }

  @Test
  void aSlackNameThatIsTheHandleOfACatalogPersonWithoutASlackIdIsTakenForThemOnlyByEmail() {
    // dana has no Slack id: a Slack user named dana whose profile email is not hers is not her.
    slack.emails.put("W0OTHER", "other@contractor.example.com");
    assertThat(users.actor("W0OTHER", "dana").by()).isEqualTo("dana (Slack W0OTHER)");
    assertThat(users.handleOf(new SlackMention("W0OTHER", "Dana"))).isEmpty();

    slack.emails.put("W0DANA", "dana@example.com");
    assertThat(users.actor("W0DANA", "dana").by()).isEqualTo("dana");
    assertThat(users.handleOf(new SlackMention("W0DANA", "dana"))).contains("dana");
  }

  @Test
  void whenSlackCannotBeAskedTheSlackNameIsRecordedAndNobodyIsLookedUpForAMinute() {
    slack.down = true;
    assertThat(users.actor("W0DANA", "dana.w")).isEqualTo(new SlackActor("W0DANA", "dana.w"));
    slack.down = false;
    slack.emails.put("W0DANA", "dana@example.com");
    clock.advance(SlackUsers.PAUSE_AFTER_FAILURE.minusSeconds(1));
    assertThat(users.actor("W0DANA", "dana.w")).isEqualTo(new SlackActor("W0DANA", "dana.w"));
    assertThat(users.actor("W0OTHER", "other")).isEqualTo(new SlackActor("W0OTHER", "other"));
    assertThat(slack.asked).containsExactly("W0DANA");

    clock.advance(Duration.ofSeconds(1));
    assertThat(users.actor("W0DANA", "dana.w")).isEqualTo(new SlackActor("W0DANA", "dana"));
    assertThat(slack.asked).containsExactly("W0DANA", "W0DANA");
  }

  @Test
  void withoutABotTokenOnlyCatalogSlackIdsAreKnown() {
    SlackUsers offline = new SlackUsers(CATALOG, SlackProfiles.none(), clock, REMEMBER);

    assertThat(offline.actor("U0ALICE", "a").by()).isEqualTo("alice");
    assertThat(offline.actor("W0DANA", "dana.w").by()).isEqualTo("dana.w");
  }

  private static final class FakeProfiles implements SlackProfiles {
    final Map<String, String> emails = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    boolean down;

    @Override
    public Optional<String> email(String userId) {
      asked.add(userId);
      if (down) {
        throw new UncheckedIOException(new IOException("users.info answered HTTP 503"));
      }
      return Optional.ofNullable(emails.get(userId));
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-03-02T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
