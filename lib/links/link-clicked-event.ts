// The link.clicked webhook: a person's click (bots are recorded, never announced), with the link,
// where it led and whose message it was in.
import type { WebhookEvent } from "@/lib/webhooks/enqueue-webhook-events";

export interface ClickedLink {
  id: string;
  orgId: string;
  url: string;
  messageId: string | null;
  contactId: string | null;
  campaignId: string | null;
  clickId: string;
  userAgent: string | null;
  occurredAt: Date;
}

export function linkClickedEvent(click: ClickedLink): WebhookEvent {
  return {
    orgId: click.orgId,
    type: "link.clicked",
    // In order per link: its clicks reach an endpoint oldest first.
    subjectId: click.id,
    occurredAt: click.occurredAt,
    data: {
      id: click.clickId,
      link_id: click.id,
      url: click.url,
      message_id: click.messageId,
      contact_id: click.contactId,
      campaign_id: click.campaignId,
      user_agent: click.userAgent,
      occurred_at: click.occurredAt.toISOString(),
    },
  };
}
