package dev.incidentflow.api.slack;

import dev.incidentflow.workflows.activities.ActionItemNumber;
import dev.incidentflow.workflows.model.ActionItemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
          "• `ic @person` · `comms @person` · `scribe @person` · `lead @person`: assign a role; "
              + "`me` is you: `/incident ic me`",
          "• `update &lt;text&gt;`: post a status update · `decision &lt;text&gt;`: log a decision",
          "• `postmortem &lt;url&gt; [summary]`: publish the postmortem · `postmortem owner @person`: hand it"
              + " over to another owner",
          "• `action [root_cause|improvement] &lt;owner&gt; &lt;due&gt; &lt;title&gt;`: add an action item, a root cause "
              + "unless it says improvement; owner a handle, @mention or me, due a date (2026-11-27) or days or weeks "
              + "from today (3d, 2w), e.g. `/incident action improvement @bob 2w Alert on queue depth`",
          "• `done &lt;action item&gt; [note]`: mark an action item done that no Jira issue tracks, e.g. "
              + "`/incident done AI-7 Alert is live`",
          "• `status`: where the incident stands (elsewhere `/incident INC-42` will do) · "
              + "`help`: this message");

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

  /** The words a command starts with, to suggest for a mistyped one. */
  private static final List<String> KNOWN_WORDS =
      Stream.of(STEPS.keySet(), ROLES.keySet(), OTHER_WORDS, Set.of("help", "declare", "done"))
          .flatMap(Set::stream)
          .sorted()
          .toList();

  /** {@code sev1}, {@code p2}: a severity typed as the command, meant for {@code sev}. */
  private static final Pattern SEVERITY_WORD = Pattern.compile("(?:sev|p)-?([0-9]{1,2})");

  /** Words people type for a command that is spelled otherwise. */
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("close", "resolve"),
          Map.entry("closed", "resolve"),
          Map.entry("open", "declare"),
          Map.entry("new", "declare"),
          Map.entry("create", "declare"),
          Map.entry("start", "declare"),
          Map.entry("page", "escalate"),
          Map.entry("info", "status"),
          Map.entry("show", "status"),
          Map.entry("note", "update"),
          Map.entry("pm", "postmortem"),
          Map.entry("todo", "action"));

  static final String ACTION_USAGE =
      "`/incident action [root_cause|improvement] &lt;owner&gt; &lt;due&gt; &lt;title&gt;`";
  static final String POSTMORTEM_USAGE = "`/incident postmortem &lt;url&gt; [summary]`";

  static final String POSTMORTEM_OWNER_USAGE = "`/incident postmortem owner @person`";
  static final String DONE_USAGE = "`/incident done &lt;action item&gt; [note]`";

  /** A due date as a date, or as days or weeks from today. */
  private static final Pattern DUE =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,3}[dw]", Pattern.CASE_INSENSITIVE);

  /**
   * A link as Slack escapes it in command text: {@code <https://...>} or {@code
   * <https://...|label>}.
   */
  private static final Pattern SLACK_LINK = Pattern.compile("<([^|>]+)(?:\\|[^>]*)?>");

  /** A link, an email address or a channel as Slack sends them in command text. */
  private static final Pattern TYPED_MARKUP =
      Pattern.compile(
          "<(?:(?<url>https?://[^|>\\s]+)(?:\\|(?<label>[^>]*))?"
              + "|mailto:(?<mail>[^|>\\s]+)(?:\\|[^>]*)?"
              + "|#[CG][A-Z0-9]+\\|(?<channel>[^>]+))>");

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
    if (word.equals("done")) {
      return incidentId.isPresent()
          ? new SlashCommand.Invalid(
              "`done` names its action item, not an incident; leave out "
                  + incidentId.get()
                  + ": "
                  + DONE_USAGE
                  + ".")
          : markActionItemDone(input, tokens, next);
    }
    if (!STEPS.containsKey(word) && !ROLES.containsKey(word) && !OTHER_WORDS.contains(word)) {
      Token typed = tokens.get(next - 1);
      return new SlashCommand.Invalid(
          "`"
              + SlackReply.escape(typed.value())
              + "` is not an /incident command."
              + suggestion(input, typed));
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
        if (next >= tokens.size() || tokens.get(next).value().isBlank()) {
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

  private static SlashCommand markActionItemDone(String input, List<Token> tokens, int next) {
    // The id as the API reads it (ActionItemNumber), with its AI- prefix: a bare number in Slack
    // is more likely a typo than an item.
    Optional<ActionItemNumber> item =
        next < tokens.size() && tokens.get(next).value().regionMatches(true, 0, "AI-", 0, 3)
            ? ActionItemNumber.parse(tokens.get(next).value())
            : Optional.empty();
    if (item.isEmpty()) {
      return new SlashCommand.Invalid(
          "Name the action item, as `AI-7`: "
              + DONE_USAGE
              + ". An incident is done with `/incident resolve`.");
    }
    return new SlashCommand.MarkActionItemDone(item.get().id(), rest(input, tokens, next + 1));
  }

  /**
   * " Did you mean `/incident resolve INC-4`?" for a word that is a known one mistyped or a word
   * people use for one ({@code close}, {@code sev1}), with the rest of the command as typed; empty
   * when no known word is near. It only suggests: a guess that ran would change an incident nobody
   * asked to change.
   */
  private static String suggestion(String input, Token typed) {
    if (typed.quoted()) {
      return "";
    }
    String word = typed.value().toLowerCase(Locale.ROOT);
    List<String> instead = new ArrayList<>();
    String note = "";
    Matcher severity = SEVERITY_WORD.matcher(word);
    if (severity.matches()) {
      instead.add("sev " + (word.startsWith("sev") ? "SEV" : "P") + severity.group(1));
    } else if (SYNONYMS.containsKey(word)) {
      instead.add(SYNONYMS.get(word));
      if (word.startsWith("close")) {
        note = " An incident closes by itself when the monitoring window after `resolve` ends.";
      }
    } else if (word.length() >= 3) {
      instead.addAll(nearest(word));
    }
    if (instead.isEmpty()) {
      return "";
    }
    String before = input.substring(0, typed.start()).strip();
    String after = input.substring(typed.start() + typed.value().length()).strip();
    List<String> commands = new ArrayList<>();
    for (String known : instead) {
      String command =
          Stream.of("/incident", before, known, after)
              .filter(part -> !part.isEmpty())
              .collect(Collectors.joining(" "));
      commands.add("`" + SlackReply.escape(unescape(command)) + "`");
    }
    return " Did you mean " + String.join(" or ", commands) + "?" + note;
  }

  /**
   * The known words {@code word} starts (at least three letters of one) or is a typo of (one edit
   * away, two for words of five letters or more); at most two, the closest.
   */
  private static List<String> nearest(String word) {
    List<String> prefixed =
        KNOWN_WORDS.stream().filter(known -> known.startsWith(word)).limit(2).toList();
    if (!prefixed.isEmpty()) {
      return prefixed;
    }
    int allowed = word.length() <= 4 ? 1 : 2;
    int best = allowed + 1;
    List<String> nearest = new ArrayList<>();
    for (String known : KNOWN_WORDS) {
      int distance = distance(word, known);
      if (distance < best) {
        best = distance;
        nearest.clear();
      }
      if (distance == best && nearest.size() < 2) {
        nearest.add(known);
      }
    }
    return nearest;
  }

  /**
   * The optimal string alignment distance: insertions, deletions, substitutions and swaps of two
   * neighbours, as fingers mistype.
   */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
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
    if (next < tokens.size() && tokens.get(next).value().equalsIgnoreCase("owner")) {
      return handOverPostmortem(incidentId, tokens, next + 1);
    }
    if (next >= tokens.size() || tokens.get(next).value().isBlank()) {
      return new SlashCommand.Invalid("Say where the postmortem is: " + POSTMORTEM_USAGE + ".");
    }
    String url = tokens.get(next).value();
    Matcher link = SLACK_LINK.matcher(url);
    if (link.matches()) {
      url = link.group(1);
    }
    if (unescape(url).isBlank()) {
      return new SlashCommand.Invalid("Say where the postmortem is: " + POSTMORTEM_USAGE + ".");
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

  private static SlashCommand handOverPostmortem(
      Optional<String> incidentId, List<Token> tokens, int next) {
    if (next >= tokens.size()) {
      return new SlashCommand.Invalid("Say who owns it now: " + POSTMORTEM_OWNER_USAGE + ".");
    }
    if (incidentId.isEmpty() && tokens.size() == next + 2) {
      // `postmortem owner @dana INC-42`: an id after the person names the incident, as after a
      // postmortem's url.
      incidentId = incidentId(tokens.get(next + 1));
      if (incidentId.isPresent()) {
        tokens = tokens.subList(0, next + 1);
      }
    }
    if (tokens.size() > next + 1) {
      return new SlashCommand.Invalid("Name one person: " + POSTMORTEM_OWNER_USAGE + ".");
    }
    String argument = tokens.get(next).value();
    Optional<String> incident = incidentId;
    return SlackMention.parse(argument)
        .<SlashCommand>map(person -> new SlashCommand.HandOverPostmortem(incident, person))
        .orElseGet(
            () ->
                new SlashCommand.Invalid(
                    "`"
                        + SlackReply.escape(argument)
                        + "` is not a person: "
                        + POSTMORTEM_OWNER_USAGE
                        + "."));
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
    return unescape(plainLinks(text));
  }

  /**
   * Slack's markup for the links, addresses and channels people type, written out as text: {@code
   * <https://x|dashboard>} is {@code dashboard (https://x)}, {@code <https://x>} is {@code
   * https://x}, {@code <mailto:a@b|a@b>} is {@code a@b}, {@code <#C1|ops>} is {@code #ops}. The
   * text goes to the timeline, Jira and the postmortem, where the markup showed as typed, and to
   * channels, where it was shown escaped. Mentions of people ({@code <@U1|bob>}) are kept: posted
   * again, they still mention.
   */
  private static String plainLinks(String text) {
    Matcher markup = TYPED_MARKUP.matcher(text);
    StringBuilder plain = new StringBuilder();
    while (markup.find()) {
      String replacement;
      if (markup.group("url") != null) {
        String url = markup.group("url");
        String label = markup.group("label");
        boolean labelIsUrl =
            label == null
                || label.isBlank()
                || url.equals(label)
                || url.replaceFirst("^https?://", "").equals(label);
        replacement = labelIsUrl ? url : label + " (" + url + ")";
      } else if (markup.group("mail") != null) {
        replacement = markup.group("mail");
      } else {
        replacement = "#" + markup.group("channel");
      }
      markup.appendReplacement(plain, Matcher.quoteReplacement(replacement));
    }
    markup.appendTail(plain);
    return plain.toString();
  }

  /** Slack escapes {@code & < >} in what people type; they are restored. */
  static String unescape(String text) {
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
        int end = wordEnd(input, i);
        tokens.add(new Token(input.substring(i, end), i, false));
        i = end;
      }
    }
    return Optional.of(tokens);
  }

  /**
   * Where the word starting at {@code start} ends: at the next space, but not in the label of a
   * link as Slack sends it, {@code <https://wiki.example.com/pm/42|Checkout outage postmortem>},
   * whose label may have spaces.
   */
  private static int wordEnd(String input, int start) {
    boolean inMarkup = false;
    boolean inLabel = false;
    int end = start;
    while (end < input.length() && (inLabel || !isSpace(input.charAt(end)))) {
      char c = input.charAt(end);
      if (c == '<') {
        inMarkup = true;
      } else if (c == '>') {
        inMarkup = false;
        inLabel = false;
      } else if (c == '|' && inMarkup) {
        inLabel = true;
      }
      end++;
    }
    return end;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D';
  }
}
