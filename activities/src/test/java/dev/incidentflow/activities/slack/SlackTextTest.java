package dev.incidentflow.activities.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile titles and notes are shown as written; the mentions the workflows add still mention. */
class SlackTextTest {

  static Stream<Arguments> messages() {
    return Stream.of(
        arguments("p99 > 800ms & rising", "p99 &gt; 800ms &amp; rising"),
        arguments("<!channel> checkout is down", "&lt;!channel&gt; checkout is down"),
        arguments(
            "<!here|here> <!everyone> <!subteam^S0DB|@dba>",
            "&lt;!here|here&gt; &lt;!everyone&gt; &lt;!subteam^S0DB|@dba&gt;"),
        arguments(
            "Runbook: <https://evil.example.com/login|https://runbooks.example.com>",
            "Runbook: &lt;https://evil.example.com/login|https://runbooks.example.com&gt;"),
        arguments(
            "already &lt;escaped&gt; &amp; shown as typed",
            "already &amp;lt;escaped&amp;gt; &amp;amp; shown as typed"),
        arguments("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        arguments("unclosed <@U0BOB and > stray", "unclosed &lt;@U0BOB and &gt; stray"),
        arguments(
            "Paging <@U0ALICE>, <@W0DANA> for INC-4 (SEV1): DB <primary> & replica down",
            "Paging <@U0ALICE>, <@W0DANA> for INC-4 (SEV1): DB &lt;primary&gt; &amp; replica down"),
        arguments(
            "handing over to <@U0BOB|bob> in <#C0INC42|inc-42-sev1>",
            "handing over to <@U0BOB|bob> in <#C0INC42|inc-42-sev1>"),
        arguments(
            "<@U0BOB|bob&co> <@U0BOB|<b>>", "&lt;@U0BOB|bob&amp;co&gt; &lt;@U0BOB|&lt;b&gt;&gt;"),
        arguments(
            "Zahlungen \u2014 \u6C7A\u6E08 \uD83D\uDCA5 & more",
            "Zahlungen \u2014 \u6C7A\u6E08 \uD83D\uDCA5 &amp; more"),
        arguments("", ""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("messages")
  void escapesMarkupButKeepsMentions(String text, String expected) {
    assertThat(SlackText.escapeKeepingMentions(text)).isEqualTo(expected);
  }
}
