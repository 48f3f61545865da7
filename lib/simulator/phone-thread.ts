// One virtual phone's screen: what the org's simulator senders delivered to it and what it texted
// them, oldest first. Outbound texts appear once the carrier accepted them and reported an outcome:
// delivered ones as the phone received them, the rest marked as not delivered (the simulator's own
// undelivered/failed rates), so a developer sees what the handset would and would not have.
import { orgDefaultCountry } from "@/lib/contacts/prepare-contact";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { signedMediaUrl } from "@/lib/media/media-url";
import { phoneThreadInput, type PhoneThreadInput } from "@/lib/simulator/phone-input";
import { simulatorSenders } from "@/lib/simulator/simulator-senders";
import type { OrgContext } from "@/lib/org-context";
import { normalizePhone } from "@/lib/sms/phone";

/** The latest texts shown; a phone's screen scrolls, it does not page. */
const THREAD_LENGTH = 200;

const select = {
  id: true,
  direction: true,
  status: true,
  senderId: true,
  body: true,
  mediaIds: true,
  segments: true,
  encoding: true,
  errorCode: true,
  errorMessage: true,
  createdAt: true,
  deliveredAt: true,
  receivedAt: true,
} as const satisfies Prisma.MessageSelect;

export async function phoneThread(ctx: OrgContext, raw: PhoneThreadInput) {
  const input = phoneThreadInput.parse(raw);
  const parsed = normalizePhone(input.phone, await orgDefaultCountry(ctx));
  if (!parsed.ok) throw new DomainError("BAD_REQUEST", parsed.message, "phone");
  const phone = parsed.e164;
  const senders = await simulatorSenders(ctx);
  const senderIds = senders.map((s) => s.id);
  const [latest, contact] = await Promise.all([
    ctx.db.message.findMany({
      where: {
        senderId: { in: senderIds },
        OR: [
          // Carrier-refused ones have a carrier id; ones failed before sending (opted out) never left.
          { direction: "OUTBOUND", to: phone, status: { in: ["DELIVERED", "UNDELIVERED"] } },
          { direction: "OUTBOUND", to: phone, status: "FAILED", carrierMessageId: { not: null } },
          { direction: "INBOUND", from: phone },
        ],
      },
      orderBy: { id: "desc" },
      take: THREAD_LENGTH,
      select,
    }),
    ctx.db.contact.findFirst({
      where: { phone },
      select: { id: true, firstName: true, lastName: true, consentStatus: true },
    }),
  ]);
  const media = await mediaPreviews(ctx, latest.flatMap((m) => m.mediaIds));
  const messages = latest.reverse().map(({ mediaIds, ...m }) => ({
    ...m,
    media: mediaIds.map((id): MediaPreview => media.get(id) ?? { id, contentType: null, url: null }),
  }));
  return { phone, contact, senders, messages };
}
export type PhoneThread = Awaited<ReturnType<typeof phoneThread>>;
export type PhoneMessage = PhoneThread["messages"][number];

// Signed for two hours from the start of the current hour: the screen polls every second or two,
// and a URL that stayed the same all hour lets the browser keep the picture instead of refetching.
const MEDIA_URL_WINDOW_MS = 3_600_000;

interface MediaPreview {
  id: string;
  /** Null for an id whose asset is gone. */
  contentType: string | null;
  url: string | null;
}

/** The thread's MMS media, each with a signed URL the browser can load. */
async function mediaPreviews(ctx: OrgContext, ids: string[]): Promise<Map<string, MediaPreview>> {
  if (ids.length === 0) return new Map();
  const assets = await ctx.db.mediaAsset.findMany({ where: { id: { in: ids } }, select: { id: true, contentType: true } });
  const windowStart = Math.floor(Date.now() / MEDIA_URL_WINDOW_MS) * MEDIA_URL_WINDOW_MS;
  const ttlSeconds = (2 * MEDIA_URL_WINDOW_MS) / 1000;
  return new Map(assets.map((a) => [a.id, { ...a, url: signedMediaUrl(a.id, ttlSeconds, windowStart) }]));
}
