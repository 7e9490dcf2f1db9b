import type { TDlpRule } from "../types";
import { keyed } from "./shared";

/** Messaging, chat and e-mail: Slack, Discord, Telegram, Microsoft Teams, Twilio, SendGrid, Brevo, Mailgun, Mailchimp */
export const COMMS_RULES: readonly TDlpRule[] = [
  {
    id: "slack-bot-token",
    description: "Slack bot token (current and legacy form)",
    keywords: ["xoxb-"],
    pattern: /(?<![\w-])(xoxb-\d{8,14}-(?:\d{10,13}-)?[A-Za-z0-9]{18,40})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "slack-user-token",
    description: "Slack user token",
    keywords: ["xoxp-", "xoxe-"],
    pattern: /(?<![\w-])(xox[pe](?:-\d{10,13}){3}-[A-Za-z0-9-]{28,34})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "slack-app-token",
    description: "Slack app-level token",
    keywords: ["xapp-"],
    pattern: /(?<![\w-])(xapp-\d-[A-Z0-9]{8,14}-\d{10,16}-[A-Za-z0-9]{32,80})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "slack-config-access-token",
    description: "Slack configuration access token",
    keywords: ["xoxe.xoxb-", "xoxe.xoxp-"],
    pattern: /(?<![\w.-])(xoxe\.xox[bp]-\d-[A-Za-z0-9]{163,166})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "slack-config-refresh-token",
    description: "Slack configuration refresh token",
    keywords: ["xoxe-"],
    pattern: /(?<![\w.-])(xoxe-\d-[A-Za-z0-9]{146})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "slack-webhook-url",
    description: "Slack incoming webhook, workflow or trigger URL",
    keywords: ["hooks.slack.com"],
    pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9+/]{43,56})(?![A-Za-z0-9+/])/,
    minEntropy: 3.5,
  },
  {
    id: "discord-bot-token",
    description: "Discord bot token, next to a discord identifier or a `Bot` authorization scheme",
    keywords: ["discord", "bot "],
    pattern:
      /(?:[Dd]iscord|DISCORD)[\w.-]{0,30}[\s'"]{0,3}(?:=>|:=|=|:)[\s'"\x60]{0,5}([MNO][\w-]{23,25}\.[\w-]{6}\.[\w-]{27,38})(?![\w-])|\bBot[ \t]{1,3}([MNO][\w-]{23,25}\.[\w-]{6}\.[\w-]{27,38})(?![\w-])/,
    minEntropy: 4,
  },
  {
    id: "discord-webhook-url",
    description: "Discord webhook URL",
    keywords: ["/api/webhooks/"],
    pattern: /https:\/\/(?:(?:canary|ptb)\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/([\w-]{60,68})(?![\w-])/,
    minEntropy: 4,
  },
  {
    id: "telegram-bot-api-token",
    description: "Telegram bot API token",
    keywords: [":aa"],
    pattern: /(?:(?<=\/bot)|(?<![\w:]))(\d{8,10}:AA[\w-]{33})(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: "microsoft-teams-webhook",
    description: "Microsoft Teams incoming webhook URL",
    keywords: ["webhook.office.com"],
    pattern:
      /https:\/\/[a-z0-9-]{1,63}\.webhook\.office\.com\/webhookb2\/[a-f0-9-]{36}@[a-f0-9-]{36}\/IncomingWebhook\/([a-f0-9]{32})\/[a-f0-9-]{36}/i,
    minEntropy: 3,
  },
  {
    id: "twilio-api-key",
    description: "Twilio API key SID",
    keywords: ["sk"],
    pattern: /(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: "sendgrid-api-token",
    description: "SendGrid API key",
    keywords: ["sg."],
    pattern: /(?<![\w.])(SG\.[\w-]{22}\.[\w-]{43})(?![\w-])/,
    minEntropy: 4,
  },
  {
    id: "sendinblue-api-token",
    description: "Brevo (Sendinblue) API key",
    keywords: ["xkeysib-"],
    pattern: /(?<![\w-])(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![\w-])/,
    minEntropy: 3,
  },
  {
    id: "mailgun-private-api-token",
    description: "Mailgun private API key or webhook signing key next to a mailgun identifier",
    keywords: ["mailgun"],
    pattern: keyed("mailgun", "key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}"),
    minEntropy: 3,
  },
  {
    id: "mailchimp-api-key",
    description: "Mailchimp API key",
    keywords: ["-us"],
    pattern: /(?<![A-Za-z0-9])([a-f0-9]{32}-us\d{1,2})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
];
