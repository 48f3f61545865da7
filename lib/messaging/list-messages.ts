// The message log: newest first, keyset-paginated on the time-ordered id (no OFFSET), so a page
// costs the same deep in a busy org's history as on top. Status filters use the (orgId, status, id)
// index and one contact's the (orgId, contactId, id) index; the others narrow that walk.
import type { Prisma } from "@/lib/generated/prisma/client";
import { listMessagesInput, type ListMessagesInput } from "@/lib/messaging/message-list-input";
import type { OrgContext } from "@/lib/org-context";

type Filters = Omit<ReturnType<typeof listMessagesInput.parse>, "cursor" | "limit">;

// Numbers are stored in E.164 ("+14155550123"): what was typed as "(415) 555-01" is matched by its
// digits. Anything with a letter is a sender name (alphanumeric sender IDs), matched ignoring case.
// The input schema admits no LIKE wildcards, so nothing needs escaping.
function addressPattern(text: string): Prisma.StringFilter | null {
  const isNumber = /^[\d\s+().-]+$/.test(text);
  const pattern = isNumber ? `${text.trim().startsWith("+") ? "+" : ""}${text.replace(/\D/g, "")}` : text;
  if (pattern === "" || pattern === "+") return null;
  return isNumber ? { contains: pattern } : { contains: pattern, mode: "insensitive" };
}

function messageFilter(f: Filters): Prisma.MessageWhereInput {
  const address = f.number ? addressPattern(f.number) : null;
  // Beside status and direction, which may be given too.
  const and: Prisma.MessageWhereInput[] = [];
  if (f.statuses) and.push({ status: { in: f.statuses } });
  if (f.source === "inbound") and.push({ direction: "INBOUND" });
  else if (f.source) and.push({ source: f.source });
  return {
    ...(f.status && { status: f.status }),
    ...(and.length > 0 && { AND: and }),
    ...(f.senderId && { senderId: f.senderId }),
    ...(f.campaignId && { campaignId: f.campaignId }),
    ...(f.errorCode && { errorCode: f.errorCode }),
    ...(f.direction && { direction: f.direction }),
    ...(address && { OR: [{ to: address }, { from: address }] }),
    ...(f.to && { to: f.to }),
    ...(f.from && { from: f.from }),
    ...(f.contactId && { contactId: f.contactId }),
    ...((f.since || f.until) && { createdAt: { ...(f.since && { gte: f.since }), ...(f.until && { lt: f.until }) } }),
    ...((f.clickedSince || f.clickedUntil) && {
      linkClicks: { some: { botReason: null, occurredAt: { ...(f.clickedSince && { gte: f.clickedSince }), ...(f.clickedUntil && { lt: f.clickedUntil }) } } },
    }),
  };
}

export async function listMessages(ctx: OrgContext, raw: ListMessagesInput) {
  const { cursor, limit, ...filters } = listMessagesInput.parse(raw);
  const rows = await ctx.db.message.findMany({
    where: { ...messageFilter(filters), ...(cursor && { id: { lt: cursor } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      direction: true,
      status: true,
      from: true,
      to: true,
      body: true,
      mediaIds: true,
      encoding: true,
      segments: true,
      priceMicros: true,
      errorCode: true,
      sendAt: true,
      createdAt: true,
      // For the REST API's representation (lib/messaging/serialize-message.ts).
      errorMessage: true,
      contactId: true,
      marketing: true,
      statusCallback: true,
      updatedAt: true,
      sentAt: true,
      deliveredAt: true,
      failedAt: true,
      receivedAt: true,
      contact: { select: { id: true, firstName: true, lastName: true } },
    },
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
