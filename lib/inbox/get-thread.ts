// One conversation as the thread shows it: every Message with the contact in both directions (so a
// campaign's text is there without the fan-out writing anything of ours), who sent each outbound one
// (the teammate from the send's audit row, the campaign by name, a workflow, a keyword reply, the
// API), its delivery status and the carrier's reason, MMS pictures, internal notes and consent
// changes, merged in time order. The newest THREAD_LIMIT messages.
import { PREVIEW_URL_TTL_SECONDS, signedMediaUrl } from "@/lib/media/media-url";
import { findConversation } from "@/lib/inbox/find-conversation";
import type { OrgContext } from "@/lib/org-context";

export const THREAD_LIMIT = 200;

export type ThreadAuthor =
  | { kind: "contact" }
  | { kind: "teammate"; name: string; userId: string | null }
  | { kind: "campaign"; name: string; campaignId: string }
  | { kind: "workflow" | "keyword" | "api" };

export type ThreadItem =
  | {
      type: "message";
      id: string;
      at: Date;
      direction: "INBOUND" | "OUTBOUND";
      status: string;
      body: string;
      media: { id: string; contentType: string | null; url: string | null }[];
      author: ThreadAuthor;
      errorCode: string | null;
      errorMessage: string | null;
      sendAt: Date | null;
      from: string;
    }
  | { type: "note"; id: string; at: Date; body: string; author: string }
  | { type: "consent"; id: string; at: Date; action: string; source: string; keyword: string | null };

export async function getThread(ctx: OrgContext, id: string) {
  const conversation = await findConversation(ctx, id);
  const [contact, assignee, sender, messages, notes, consent] = await Promise.all([
    ctx.db.contact.findUniqueOrThrow({ where: { id: conversation.contactId }, select: { id: true, firstName: true, lastName: true, phone: true, consentStatus: true } }),
    conversation.assigneeId ? ctx.db.membership.findFirst({ where: { userId: conversation.assigneeId }, select: { user: { select: { id: true, name: true } } } }) : null,
    conversation.senderId ? ctx.db.senderNumber.findUnique({ where: { id: conversation.senderId }, select: { id: true, address: true, label: true } }) : null,
    ctx.db.message.findMany({
      where: { contactId: conversation.contactId },
      orderBy: { id: "desc" },
      take: THREAD_LIMIT,
      select: {
        id: true, direction: true, status: true, body: true, mediaIds: true, source: true, errorCode: true, errorMessage: true,
        createdAt: true, receivedAt: true, sendAt: true, from: true, campaign: { select: { id: true, name: true } },
      },
    }),
    ctx.db.conversationNote.findMany({ where: { conversationId: id }, orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } }),
    ctx.db.consentEvent.findMany({ where: { contactId: conversation.contactId }, orderBy: { occurredAt: "asc" }, select: { id: true, action: true, source: true, keyword: true, occurredAt: true } }),
  ]);
  messages.reverse();

  const [teammates, media] = await Promise.all([teammatesOf(ctx, messages.filter((m) => m.source === "ui").map((m) => m.id)), mediaOf(ctx, messages.flatMap((m) => m.mediaIds))]);
  const since = messages[0]?.createdAt;
  const items: ThreadItem[] = [
    ...messages.map((m): ThreadItem => ({
      type: "message",
      id: m.id,
      at: m.receivedAt ?? m.createdAt,
      direction: m.direction as "INBOUND" | "OUTBOUND",
      status: m.status,
      body: m.body,
      media: m.mediaIds.map((mediaId) => media.get(mediaId) ?? { id: mediaId, contentType: null, url: null }),
      author: authorOf(m, teammates),
      errorCode: m.errorCode,
      errorMessage: m.errorMessage,
      sendAt: m.sendAt,
      from: m.from,
    })),
    ...notes.map((n): ThreadItem => ({ type: "note", id: n.id, at: n.createdAt, body: n.body, author: n.author?.name ?? "A former teammate" })),
    // Consent changes older than the oldest message shown belong to history not shown either.
    ...consent
      .filter((c) => messages.length < THREAD_LIMIT || !since || c.occurredAt >= since)
      .map((c): ThreadItem => ({ type: "consent", id: c.id, at: c.occurredAt, action: c.action, source: c.source, keyword: c.keyword })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));

  return {
    conversation: {
      id: conversation.id,
      status: conversation.status,
      snoozedUntil: conversation.snoozedUntil,
      labels: conversation.labels,
      waitingSince: conversation.waitingSince,
      lastInboundAt: conversation.lastInboundAt,
      assignee: assignee?.user ?? null,
      sender,
    },
    contact,
    items,
    // The side panel's consent history: every change, not only those beside the texts shown.
    consentHistory: consent.map((c) => ({ id: c.id, at: c.occurredAt, action: c.action, source: c.source, keyword: c.keyword })).reverse(),
  };
}

type MessageRow = { source: string | null; direction: string; id: string; campaign: { id: string; name: string } | null };

function authorOf(m: MessageRow, teammates: Map<string, { userId: string | null; name: string }>): ThreadAuthor {
  if (m.direction === "INBOUND") return { kind: "contact" };
  switch (m.source) {
    case "campaign":
      return m.campaign ? { kind: "campaign", name: m.campaign.name, campaignId: m.campaign.id } : { kind: "api" };
    case "ui": {
      const who = teammates.get(m.id);
      return { kind: "teammate", name: who?.name ?? "A teammate", userId: who?.userId ?? null };
    }
    case "workflow":
      return { kind: "workflow" };
    case "system":
      return { kind: "keyword" };
    default:
      return { kind: "api" };
  }
}

/** Who sent each compose-box message: its send's audit row names the member (sendFromUi). */
async function teammatesOf(ctx: OrgContext, messageIds: string[]) {
  if (messageIds.length === 0) return new Map<string, { userId: string | null; name: string }>();
  const rows = await ctx.db.auditLog.findMany({
    where: { targetId: { in: messageIds }, action: { in: ["message.sent", "message.scheduled"] } },
    select: { targetId: true, actorId: true, actorLabel: true },
  });
  const userIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const members = await ctx.db.membership.findMany({ where: { userId: { in: userIds } }, select: { user: { select: { id: true, name: true } } } });
  const names = new Map(members.map((m) => [m.user.id, m.user.name]));
  return new Map(rows.map((r) => [r.targetId!, { userId: r.actorId, name: (r.actorId && names.get(r.actorId)) || r.actorLabel || "A teammate" }]));
}

async function mediaOf(ctx: OrgContext, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; contentType: string | null; url: string | null }>();
  const assets = await ctx.db.mediaAsset.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, contentType: true } });
  return new Map(assets.map((a) => [a.id, { id: a.id, contentType: a.contentType, url: signedMediaUrl(a.id, PREVIEW_URL_TTL_SECONDS) as string | null }]));
}
