package dev.incidentflow.activities.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.incidentflow.workflows.activities.Briefing;
import java.util.ArrayList;
import java.util.List;

/** The Block Kit layout of an incident briefing and its plain-text fallback. */
final class BriefingBlocks {

  static final String ACTIONS_BLOCK_ID = "incident_actions";

  // Block Kit's documented limits; exceeding one fails the whole post with invalid_blocks.
  private static final int HEADER_MAX = 150;
  private static final int SECTION_MAX = 3000;
  private static final int CONFIRM_TITLE_MAX = 100;
  private static final int CONFIRM_TEXT_MAX = 300;

  private BriefingBlocks() {}

  static List<LayoutBlock> blocks(Briefing briefing) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        HeaderBlock.builder()
            .text(
                plain(
                    SlackText.truncate(
                        briefing.incidentId() + ": " + briefing.title(), HEADER_MAX)))
            .build());
    if (!briefing.description().isBlank()) {
      blocks.add(section(SlackText.escape(briefing.description())));
    }
    blocks.add(
        SectionBlock.builder()
            .fields(
                List.<TextObject>of(
                    markdown("*Severity*\n" + briefing.severity().name()),
                    markdown("*Service*\n" + SlackText.escape(briefing.service())),
                    markdown("*Commander*\n" + SlackText.escape(commander(briefing)))))
            .build());
    String links = links(briefing);
    if (!links.isEmpty()) {
      blocks.add(section(links));
    }
    List<BlockElement> buttons = new ArrayList<>();
    for (BriefingAction action : BriefingAction.values()) {
      buttons.add(
          ButtonElement.builder()
              .actionId(action.actionId())
              .text(plain(action.label()))
              .value(briefing.incidentId())
              .style(action.style())
              .confirm(confirmation(action, briefing.incidentId()))
              .build());
    }
    blocks.add(ActionsBlock.builder().blockId(ACTIONS_BLOCK_ID).elements(buttons).build());
    return blocks;
  }

  /**
   * The question Slack asks before a click that cannot be taken back by another click: Escalate
   * pages the next step of the chain (a manager, a VP), Resolve resolves the pages and stops the
   * escalation; each sits next to Acknowledge, where a thumb at 3 a.m. aims. Null for the others.
   */
  static ConfirmationDialogObject confirmation(BriefingAction action, String incidentId) {
    return switch (action) {
      case ESCALATE ->
          confirmation(
              "Escalate " + incidentId + "?",
              "This pages the next step of "
                  + incidentId
                  + "'s escalation chain now, whether or not it was due.",
              "Escalate",
              "Don't escalate");
      case RESOLVE ->
          confirmation(
              "Resolve " + incidentId + "?",
              "This resolves "
                  + incidentId
                  + " and its pages: nobody else is paged for it, and its monitoring window starts.",
              "Resolve",
              "Don't resolve");
      case ACKNOWLEDGE, UPDATE -> null;
    };
  }

  private static ConfirmationDialogObject confirmation(
      String title, String text, String confirm, String deny) {
    return ConfirmationDialogObject.builder()
        .title(plain(SlackText.truncate(title, CONFIRM_TITLE_MAX)))
        .text(plain(SlackText.truncate(text, CONFIRM_TEXT_MAX)))
        .confirm(plain(confirm))
        .deny(plain(deny))
        .build();
  }

  /** What notifications and clients without Block Kit show. */
  static String fallbackText(Briefing briefing) {
    StringBuilder text =
        new StringBuilder()
            .append(briefing.incidentId())
            .append(" [")
            .append(briefing.severity().name())
            .append("] ")
            .append(briefing.service())
            .append(": ")
            .append(briefing.title())
            .append(". Commander: ")
            .append(commander(briefing))
            .append('.');
    if (briefing.runbookUrl() != null) {
      text.append(" Runbook: ").append(briefing.runbookUrl());
    }
    return SlackText.escape(text.toString());
  }

  private static String commander(Briefing briefing) {
    return briefing.commander() == null || briefing.commander().isBlank()
        ? "unassigned"
        : briefing.commander();
  }

  private static String links(Briefing briefing) {
    List<String> links = new ArrayList<>();
    if (briefing.runbookUrl() != null && !briefing.runbookUrl().isBlank()) {
      links.add(link(briefing.runbookUrl(), "Runbook"));
    }
    if (briefing.dashboardUrl() != null && !briefing.dashboardUrl().isBlank()) {
      links.add(link(briefing.dashboardUrl(), "Dashboard"));
    }
    List<String> alertLinks = briefing.links();
    for (int i = 0; i < alertLinks.size(); i++) {
      String label = alertLinks.size() == 1 ? "Alert" : "Alert " + (i + 1);
      links.add(link(alertLinks.get(i), label));
    }
    return SlackText.truncate(String.join("  \u00b7  ", links), SECTION_MAX);
  }

  private static String link(String url, String label) {
    // A "|" in the URL would end it early inside Slack's <url|label> syntax.
    return "<" + SlackText.escape(url).replace("|", "%7C") + "|" + label + ">";
  }

  private static SectionBlock section(String markdown) {
    return SectionBlock.builder().text(markdown(SlackText.truncate(markdown, SECTION_MAX))).build();
  }

  private static MarkdownTextObject markdown(String text) {
    return MarkdownTextObject.builder().text(text).build();
  }

  private static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).emoji(true).build();
  }
}
