// The simulator's virtual phones: every number the org's simulator senders have texted, and every
// number that has texted them (a phone added on the Phones page exists once it sends its first text),
// most recently active first, each with its latest text and the contact it belongs to; and the
// simulator senders themselves (a page with none has no phones to show).
import { listVirtualPhonesInput, type ListVirtualPhonesInput } from "@/lib/simulator/phone-input";
import { simulatorSenders } from "@/lib/simulator/simulator-senders";
import type { OrgContext } from "@/lib/org-context";

export async function listVirtualPhones(ctx: OrgContext, raw: ListVirtualPhonesInput = {}) {
  const { search, limit } = listVirtualPhonesInput.parse(raw);
  const senders = await simulatorSenders(ctx);
  const senderIds = senders.map((s) => s.id);
  if (senderIds.length === 0) return { senders, phones: [] };
  const digits = search?.replace(/\D/g, "") ?? "";
  const contains = digits ? { contains: digits } : undefined;
  const [texted, textedBy] = await Promise.all([
    ctx.db.message.groupBy({
      by: ["to"],
      where: { direction: "OUTBOUND", senderId: { in: senderIds }, to: contains },
      _max: { id: true },
      orderBy: { _max: { id: "desc" } },
      take: limit,
    }),
    ctx.db.message.groupBy({
      by: ["from"],
      where: { direction: "INBOUND", senderId: { in: senderIds }, from: contains },
      _max: { id: true },
      orderBy: { _max: { id: "desc" } },
      take: limit,
    }),
  ]);
  // Ids are time-ordered, so the largest id is the latest text either way.
  const latest = new Map<string, string>();
  for (const [phone, id] of [...texted.map((g) => [g.to, g._max.id]), ...textedBy.map((g) => [g.from, g._max.id])]) {
    if (id && (latest.get(phone!) ?? "") < id) latest.set(phone!, id);
  }
  const phones = [...latest].sort((a, b) => (a[1] < b[1] ? 1 : -1)).slice(0, limit);
  const [messages, contacts] = await Promise.all([
    ctx.db.message.findMany({
      where: { id: { in: phones.map(([, id]) => id) } },
      select: { id: true, direction: true, body: true, mediaIds: true, createdAt: true },
    }),
    ctx.db.contact.findMany({
      where: { phone: { in: phones.map(([phone]) => phone) } },
      select: { id: true, phone: true, firstName: true, lastName: true, consentStatus: true },
    }),
  ]);
  const messageById = new Map(messages.map((m) => [m.id, m]));
  const contactByPhone = new Map(contacts.map((c) => [c.phone, c]));
  return {
    senders,
    phones: phones.map(([phone, id]) => ({
      phone,
      contact: contactByPhone.get(phone) ?? null,
      lastMessage: messageById.get(id) ?? null,
    })),
  };
}
export type VirtualPhone = Awaited<ReturnType<typeof listVirtualPhones>>["phones"][number];
