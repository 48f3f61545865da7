// Opt-outs by wording rather than a keyword ("remove me", "wrong number"), for the org to review
// (Settings → Keywords): who, when, the phrase found, the whole text, and whether they are still out.
// There is no undo here: only the contact can opt back in (START), since consent needs their proof.
import type { OrgContext } from "@/lib/org-context";

export async function listPhraseOptOuts(ctx: OrgContext) {
  const events = await ctx.db.consentEvent.findMany({
    where: { source: "phrase", action: "OPT_OUT" },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      detail: true,
      messageId: true,
      occurredAt: true,
      contact: { select: { id: true, phone: true, firstName: true, lastName: true, consentStatus: true } },
    },
  });
  const ids = events.flatMap((e) => (e.messageId ? [e.messageId] : []));
  const messages = ids.length > 0 ? await ctx.db.message.findMany({ where: { id: { in: ids } }, select: { id: true, body: true } }) : [];
  const bodies = new Map(messages.map((m) => [m.id, m.body]));
  return events.map((e) => ({
    id: e.id,
    occurredAt: e.occurredAt,
    // The detail reads `said "remove me"` (apply-consent-change.ts).
    phrase: e.detail?.replace(/^said "(.*)"$/, "$1") ?? null,
    text: e.messageId ? (bodies.get(e.messageId) ?? null) : null,
    contact: e.contact,
  }));
}
