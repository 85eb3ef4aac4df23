package dev.incidentflow.api.slack;

import dev.incidentflow.workflows.model.ActionItemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of {@code /incident}: words separated by any amount of white space, an argument in
 * double quotes (straight or curly, as phones type them) kept whole, free text taken as typed. An
 * incident id may come first ({@code /incident INC-42 ack}) or right after the word ({@code
 * /incident ack INC-42}).
 */
final class SlashCommandParser {
  static final String USAGE =
      String.join(
          "\n",
          "*/incident* runs an incident from Slack. In its channel the incident is implied; elsewhere name it: "
              + "`/incident ack INC-42`.",
          "• `declare &lt;severity&gt; &lt;service&gt; &lt;title&gt;`: open an incident, e.g. "
              + "`/incident declare SEV2 checkout \"Card payments failing\"`",
          "• `ack` · `identify [cause]` · `mitigate [note]` · `resolve [note]` · `reopen [why]` · `cancel [why]` · "
              + "`escalate [reason]`",
          "• `sev &lt;severity&gt; [why]`: change the severity",
          "• `ic @person` · `comms @person` · `scribe @person` · `lead @person`: assign a role",
          "• `update &lt;text&gt;`: post a status update · `decision &lt;text&gt;`: log a decision",
          "• `postmortem &lt;url&gt; [summary]`: publish the postmortem",
          "• `action [root_cause|improvement] &lt;owner&gt; &lt;due&gt; &lt;title&gt;`: add an action item, a root cause "
              + "unless it says improvement; owner a handle or @mention, due a date (2026-11-27) or days or weeks "
              + "from today (3d, 2w), e.g. `/incident action improvement @bob 2w Alert on queue depth`",
          "• `status`: where the incident stands · `help`: this message");

  private static final Pattern INCIDENT_ID = Pattern.compile("(?i)INC-[0-9]{1,18}");

  private static final Map<String, LifecycleStep> STEPS =
      Map.ofEntries(
          Map.entry("ack", LifecycleStep.ACKNOWLEDGE),
          Map.entry("acknowledge", LifecycleStep.ACKNOWLEDGE),
          Map.entry("identify", LifecycleStep.IDENTIFY),
          Map.entry("mitigate", LifecycleStep.MITIGATE),
          Map.entry("resolve", LifecycleStep.RESOLVE),
          Map.entry("reopen", LifecycleStep.REOPEN),
          Map.entry("cancel", LifecycleStep.CANCEL),
          Map.entry("escalate", LifecycleStep.ESCALATE));

  /** The words for incident roles, to the role names the workflow uses. */
  private static final Map<String, String> ROLES =
      Map.of(
          "ic", "commander",
          "commander", "commander",
          "comms", "communications",
          "communications", "communications",
          "scribe", "scribe",
          "lead", "tech-lead",
          "tech-lead", "tech-lead");

  /** The words about an incident that are neither a lifecycle step nor a role. */
  private static final Set<String> OTHER_WORDS =
      Set.of("sev", "severity", "update", "decision", "status", "postmortem", "action");

  static final String ACTION_USAGE =
      "`/incident action [root_cause|improvement] &lt;owner&gt; &lt;due&gt; &lt;title&gt;`";
  static final String POSTMORTEM_USAGE = "`/incident postmortem &lt;url&gt; [summary]`";

  /** A due date as a date, or as days or weeks from today. */
  private static final Pattern DUE =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,3}[dw]", Pattern.CASE_INSENSITIVE);

  /**
   * A link as Slack escapes it in command text: {@code <https://...>} or {@code
   * <https://...|label>}.
   */
  private static final Pattern SLACK_LINK = Pattern.compile("<([^|>]+)(?:\\|[^>]*)?>");

  private SlashCommandParser() {}

  /** One argument: its text (without quotes) and where it stands in the input. */
  private record Token(String value, int start, boolean quoted) {}

  static SlashCommand parse(String text) {
    String input = text == null ? "" : text;
    Optional<List<Token>> tokenized = tokenize(input);
    if (tokenized.isEmpty()) {
      return new SlashCommand.Invalid(
          "A quote is not closed: `" + SlackReply.escape(input.strip()) + "`");
    }
    List<Token> tokens = tokenized.get();
    if (tokens.isEmpty()) {
      return new SlashCommand.Help();
    }
    int next = 0;
    Optional<String> incidentId = incidentId(tokens.get(0));
    if (incidentId.isPresent()) {
      next++;
      if (tokens.size() == 1) {
        return new SlashCommand.Status(incidentId);
      }
    }
    String word = tokens.get(next).value().toLowerCase(Locale.ROOT);
    next++;
    if (word.equals("help")) {
      return new SlashCommand.Help();
    }
    if (word.equals("declare")) {
      return incidentId.isPresent()
          ? new SlashCommand.Invalid(
              "`declare` opens a new incident; leave out " + incidentId.get() + ".")
          : declare(input, tokens, next);
    }
    if (!STEPS.containsKey(word) && !ROLES.containsKey(word) && !OTHER_WORDS.contains(word)) {
      return new SlashCommand.Invalid(
          "`" + SlackReply.escape(tokens.get(next - 1).value()) + "` is not an /incident command.");
    }
    if (incidentId.isEmpty() && next < tokens.size()) {
      incidentId = incidentId(tokens.get(next));
      if (incidentId.isPresent()) {
        next++;
      }
    }
    if (STEPS.containsKey(word)) {
      return new SlashCommand.Lifecycle(incidentId, STEPS.get(word), rest(input, tokens, next));
    }
    if (ROLES.containsKey(word)) {
      return assignRole(incidentId, word, tokens, next);
    }
    switch (word) {
      case "sev", "severity" -> {
        if (next >= tokens.size()) {
          return new SlashCommand.Invalid("Name the new severity: `/incident sev SEV2 [why]`.");
        }
        String severity = tokens.get(next).value();
        next++;
        if (incidentId.isEmpty() && next < tokens.size()) {
          // `sev SEV1 INC-3 why`: the id after the severity names the incident too, rather than
          // becoming the start of the note on the channel's incident.
          incidentId = incidentId(tokens.get(next));
          if (incidentId.isPresent()) {
            next++;
          }
        }
        return new SlashCommand.ChangeSeverity(incidentId, severity, rest(input, tokens, next));
      }
      case "update" -> {
        String update = rest(input, tokens, next);
        return update.isBlank()
            ? new SlashCommand.Invalid("Say what the update is: `/incident update &lt;text&gt;`.")
            : new SlashCommand.PostUpdate(incidentId, update);
      }
      case "decision" -> {
        String decision = rest(input, tokens, next);
        return decision.isBlank()
            ? new SlashCommand.Invalid("Say what was decided: `/incident decision &lt;text&gt;`.")
            : new SlashCommand.LogDecision(incidentId, decision);
      }
      case "postmortem" -> {
        return publishPostmortem(input, incidentId, tokens, next);
      }
      case "action" -> {
        return addActionItem(input, incidentId, tokens, next);
      }
      default -> {
        // "status", the only word left.
        return new SlashCommand.Status(incidentId);
      }
    }
  }

  private static SlashCommand declare(String input, List<Token> tokens, int next) {
    String title = rest(input, tokens, next + 2);
    if (title.isBlank()
        || tokens.get(next).value().isBlank()
        || tokens.get(next + 1).value().isBlank()) {
      return new SlashCommand.Invalid(
          "Say how bad, where and what: `/incident declare &lt;severity&gt; &lt;service&gt; &lt;title&gt;`.");
    }
    return new SlashCommand.Declare(tokens.get(next).value(), tokens.get(next + 1).value(), title);
  }

  private static SlashCommand assignRole(
      Optional<String> incidentId, String word, List<Token> tokens, int next) {
    String usage = "`/incident " + word + " @person`";
    if (next >= tokens.size()) {
      return new SlashCommand.Invalid("Say who: " + usage + ".");
    }
    if (incidentId.isEmpty() && tokens.size() == next + 2) {
      // `ic @alice INC-37`: the id after the person names the incident too, as after a severity.
      Optional<String> after = incidentId(tokens.get(next + 1));
      if (after.isPresent()) {
        return assignRole(after, word, tokens.subList(0, next + 1), next);
      }
    }
    if (tokens.size() > next + 1) {
      return new SlashCommand.Invalid("Name one person: " + usage + ".");
    }
    String argument = tokens.get(next).value();
    return SlackMention.parse(argument)
        .<SlashCommand>map(
            person -> new SlashCommand.AssignRole(incidentId, ROLES.get(word), person))
        .orElseGet(
            () ->
                new SlashCommand.Invalid(
                    "`" + SlackReply.escape(argument) + "` is not a person: " + usage + "."));
  }

  private static SlashCommand publishPostmortem(
      String input, Optional<String> incidentId, List<Token> tokens, int next) {
    if (next >= tokens.size() || tokens.get(next).value().isBlank()) {
      return new SlashCommand.Invalid("Say where the postmortem is: " + POSTMORTEM_USAGE + ".");
    }
    String url = tokens.get(next).value();
    Matcher link = SLACK_LINK.matcher(url);
    if (link.matches()) {
      url = link.group(1);
    }
    int summary = next + 1;
    if (incidentId.isEmpty() && summary < tokens.size()) {
      // `postmortem <url> INC-36 summary`: the id right after the url names the incident, as after
      // a severity; an id later on (or quoted) is part of the summary.
      incidentId = incidentId(tokens.get(summary));
      if (incidentId.isPresent()) {
        summary++;
      }
    }
    return new SlashCommand.PublishPostmortem(
        incidentId, unescape(url), rest(input, tokens, summary));
  }

  private static SlashCommand addActionItem(
      String input, Optional<String> incidentId, List<Token> tokens, int next) {
    int at = next;
    ActionItemKind kind = ActionItemKind.ROOT_CAUSE;
    if (at < tokens.size() && !tokens.get(at).quoted()) {
      Optional<ActionItemKind> named = ActionItemKind.parse(tokens.get(at).value());
      if (named.isPresent()) {
        kind = named.get();
        at++;
      }
    }
    if (tokens.size() - at < 3) {
      return new SlashCommand.Invalid("Say who, by when and what: " + ACTION_USAGE + ".");
    }
    String owner = tokens.get(at).value();
    Optional<SlackMention> person = SlackMention.parse(owner);
    if (person.isEmpty()) {
      return new SlashCommand.Invalid(
          "`" + SlackReply.escape(owner) + "` is not a person: " + ACTION_USAGE + ".");
    }
    String due = tokens.get(at + 1).value();
    if (!DUE.matcher(due).matches()) {
      return new SlashCommand.Invalid(
          "`"
              + SlackReply.escape(due)
              + "` is not a due date: give a date like "
              + "2026-11-27, or days or weeks from today like 3d or 2w. "
              + ACTION_USAGE);
    }
    String title = rest(input, tokens, at + 2);
    if (title.isBlank()) {
      return new SlashCommand.Invalid("Say what is to be done: " + ACTION_USAGE + ".");
    }
    return new SlashCommand.AddActionItem(incidentId, kind, person.get(), due, title);
  }

  private static Optional<String> incidentId(Token token) {
    return !token.quoted() && INCIDENT_ID.matcher(token.value()).matches()
        ? Optional.of(token.value().toUpperCase(Locale.ROOT))
        : Optional.empty();
  }

  /**
   * The free text from token {@code from} on, as typed: its own spacing and quotes kept, unless it
   * is one quoted argument, which loses its quotes, and with Slack's escapes undone.
   */
  private static String rest(String input, List<Token> tokens, int from) {
    if (from >= tokens.size()) {
      return "";
    }
    String text =
        tokens.size() - from == 1 && tokens.get(from).quoted()
            ? tokens.get(from).value()
            : input.substring(tokens.get(from).start()).strip();
    return unescape(text);
  }

  /** Slack escapes {@code & < >} in what people type; they are restored. */
  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** The arguments, or empty when a quote is left open. */
  private static Optional<List<Token>> tokenize(String input) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (isSpace(c)) {
        i++;
      } else if (isQuote(c)) {
        int close = i + 1;
        while (close < input.length() && !isQuote(input.charAt(close))) {
          close++;
        }
        if (close >= input.length()) {
          return Optional.empty();
        }
        tokens.add(new Token(input.substring(i + 1, close), i, true));
        i = close + 1;
      } else {
        int end = i;
        while (end < input.length() && !isSpace(input.charAt(end))) {
          end++;
        }
        tokens.add(new Token(input.substring(i, end), i, false));
        i = end;
      }
    }
    return Optional.of(tokens);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D';
  }
}
