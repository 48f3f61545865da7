// The demo org's last 90 days of texting, planned in memory from a seeded PRNG (the same contacts and
// clock give the same history), as the pipeline would have written it through the simulator:
// - marketing sends every week or two to part of the audience (queued through the API), each
//   queued → sending → sent → delivered, or undelivered / failed with the simulator's error codes
//   (a few numbers never take a text), a few left sent without a receipt;
// - replies to them, more from loyal and VIP customers; some are STOP: the contact opts out then
//   (consent history, audit, the built-in confirmation) and gets no marketing after;
// - the contacts seeded as opted out texted STOP at their opt-out time, the same way;
// - a few conversations a customer started, answered from the app.
// Only final states and `sent`: nothing is left for the dispatcher to pick up on first start.
import type { MessageDirection, MessageStatus } from "../../lib/generated/prisma/enums.ts";
import { newId } from "../../lib/ids.ts";
import { matchKeyword } from "../../lib/sms/compliance-keywords.ts";
import { defaultKeywordReplies } from "../../lib/messaging/keyword-replies.ts";
import { canTransition } from "../../lib/messaging/status.ts";
import { segmentMessage } from "../../lib/sms/segments.ts";
import { pickWith, prng, type Random } from "./prng.ts";

export interface DemoContact {
  id: string;
  phone: string;
  createdAt: Date;
  tags: string[];
  optedOutAt: Date | null;
}

export interface DemoSender {
  id: string;
  address: string;
  connectionId: string;
  smsPriceMicros: number;
}

export interface PlannedMessage {
  id: string;
  direction: MessageDirection;
  status: MessageStatus;
  contactId: string;
  from: string;
  to: string;
  body: string;
  encoding: string;
  segments: number;
  priceMicros: number;
  marketing: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  carrierMessageId: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  receivedAt: Date | null;
  /** The demo campaign it went out in (the marketing texts), or null. */
  campaignId: string | null;
}

export interface PlannedEvent {
  id: string;
  messageId: string;
  status: MessageStatus;
  errorCode: string | null;
  errorMessage: string | null;
  source: string;
  occurredAt: Date;
}

export interface PlannedOptOut {
  contactId: string;
  phone: string;
  keyword: string;
  /** The inbound STOP that did it. */
  messageId: string;
  at: Date;
}

/** A marketing text sent to a share of the contacts, recorded as the completed campaign it is. */
export interface PlannedCampaign {
  id: string;
  name: string;
  body: string;
  startAt: Date;
  completedAt: Date;
}

export interface DemoHistory {
  messages: PlannedMessage[];
  events: PlannedEvent[];
  optOuts: PlannedOptOut[];
  campaigns: PlannedCampaign[];
}

const DAY = 86_400_000;
const MINUTE = 60_000;

// Days ago, the share of the audience texted, and the text (CTIA: the brand and how to stop).
const SENDS: [number, number, string][] = [
  [87, 0.5, "Demo Coffee Co.: Autumn blend is back! 15% off beans all week with code AUTUMN15. Reply STOP to opt out"],
  [76, 0.35, "Demo Coffee Co.: Latte art night Thu 7pm, free entry. Reply YES to save a seat. STOP to opt out"],
  [64, 0.55, "Demo Coffee Co.: Your loyalty points double this weekend on every espresso drink. Reply STOP to opt out"],
  [52, 0.4, "Demo Coffee Co.: New single origin from Huila, Colombia: notes of red apple and cacao. Reply STOP to opt out"],
  [41, 0.5, "Demo Coffee Co.: Holiday gift boxes are here, order by Dec 15 for delivery. Reply STOP to opt out"],
  [29, 0.45, "Demo Coffee Co.: Cold days, warm cups: any large drink $3 before 9am this week. Reply STOP to opt out"],
  [18, 0.5, "Demo Coffee Co.: We're open late Fri & Sat until 11pm. Come by! Reply STOP to opt out"],
  [8, 0.4, "Demo Coffee Co.: Brew class Saturday 10am: pour-over basics, 6 seats left. Reply YES to book. STOP to opt out"],
  [2, 0.5, "Demo Coffee Co.: Flash sale today only: 20% off all bags of beans with code FLASH20. Reply STOP to opt out"],
];
const REPLIES = ["Yes!", "YES", "Thanks!", "See you there", "Is it on all week?", "Can I order online?", "Love this blend ☕", "What time do you open Sunday?", "Count me in", "Great, thanks!"];
const STOPS = ["STOP", "Stop", "stop", "UNSUBSCRIBE"];
const QUESTIONS: [string, string][] = [
  ["Hi, do you have oat milk?", "We do! Oat, almond and soy at no extra charge."],
  ["Are you open on the holiday Monday?", "Yes, 8am to 4pm. See you then!"],
  ["Can I pick up a bag of beans ground for a moka pot?", "Of course: ask at the counter and we grind it fresh for you."],
  ["Did I leave a blue scarf there yesterday?", "We have it behind the counter, come by any time."],
  ["Do you do catering for offices?", "We do: boxes of 12 or 24 cups. Reply with a date and we'll call you."],
];
const UNDELIVERED = [
  { code: "30003", text: "Unreachable destination handset" },
  { code: "30005", text: "Unknown destination handset" },
  { code: "30006", text: "Landline or unreachable carrier" },
];
const FAILED = [
  { code: "30007", text: "Message filtered by the carrier" },
  { code: "30008", text: "Unknown error" },
];

export function planDemoHistory(contacts: DemoContact[], sender: DemoSender, orgName: string, now: Date): DemoHistory {
  const random = prng(2026);
  const pick = pickWith(random);
  const plan: DemoHistory = { messages: [], events: [], optOuts: [], campaigns: [] };
  const nowMs = now.getTime();
  // The numbers that never take a text, and those who reply more (regulars).
  const unreachable = new Set(contacts.filter(() => random() < 0.03).map((c) => c.id));
  const optedOutAt = new Map(contacts.flatMap((c) => (c.optedOutAt ? [[c.id, c.optedOutAt.getTime()] as const] : [])));

  for (const c of contacts) {
    const at = optedOutAt.get(c.id);
    if (at !== undefined) stop(plan, random, sender, orgName, c, new Date(at), pick(STOPS));
  }

  for (const [daysAgo, share, body] of SENDS) {
    const start = Math.floor((nowMs - daysAgo * DAY) / DAY) * DAY + 15 * 60 * MINUTE + Math.floor(random() * 60) * MINUTE;
    let i = 0;
    // Its id and name draw nothing from the PRNG: the history stays as it was seeded before.
    const campaign = { id: newId("campaign", new Date(start)), name: campaignName(body), body, startAt: new Date(start), completedAt: new Date(start) };
    plan.campaigns.push(campaign);
    for (const c of contacts) {
      const out = optedOutAt.get(c.id);
      if (c.createdAt.getTime() >= start || (out !== undefined && out <= start) || random() >= share) continue;
      // One every 20 ms: the simulator number's 50 a second.
      const queuedAt = new Date(start + i++ * 20);
      const delivered = outbound(plan, random, sender, c, body, { queuedAt, source: "campaign", marketing: true, unreachable: unreachable.has(c.id), campaignId: campaign.id });
      campaign.completedAt = new Date(queuedAt.getTime() + 60 * MINUTE);
      if (!delivered) continue;
      const regular = c.tags.includes("loyalty") || c.tags.includes("vip");
      const roll = random();
      const repliedAt = delivered.getTime() + (2 + Math.floor(random() * 240)) * MINUTE;
      if (repliedAt >= nowMs - MINUTE) continue;
      // Someone who opts out later anyway (a seeded opt-out) does not do it twice.
      if (roll < 0.006 && out === undefined) {
        stop(plan, random, sender, orgName, c, new Date(repliedAt), pick(STOPS));
        optedOutAt.set(c.id, repliedAt);
      } else if (roll < (regular ? 0.22 : 0.05)) {
        inbound(plan, random, sender, c, pick(REPLIES), new Date(repliedAt));
      }
    }
  }

  for (const c of contacts) {
    if (random() >= 0.04) continue;
    const askedAt = nowMs - Math.floor(random() * 60 * DAY) - 10 * MINUTE;
    const out = optedOutAt.get(c.id);
    if (askedAt <= c.createdAt.getTime() || (out !== undefined && out <= askedAt)) continue;
    const [question, answer] = pick(QUESTIONS);
    inbound(plan, random, sender, c, question, new Date(askedAt));
    outbound(plan, random, sender, c, answer, { queuedAt: new Date(askedAt + (1 + Math.floor(random() * 8)) * MINUTE), source: "ui", marketing: false, unreachable: false });
  }
  return plan;
}

/** A STOP from the contact: their opt-out, and the built-in confirmation sent back (transactional). */
function stop(plan: DemoHistory, random: Random, sender: DemoSender, orgName: string, c: DemoContact, at: Date, body: string) {
  const message = inbound(plan, random, sender, c, body, at);
  plan.optOuts.push({ contactId: c.id, phone: c.phone, keyword: matchKeyword(body)!.keyword, messageId: message.id, at });
  const reply = defaultKeywordReplies(orgName).optOutReply;
  outbound(plan, random, sender, c, reply, { queuedAt: new Date(at.getTime() + 500), source: "system", marketing: false, unreachable: false });
}

function inbound(plan: DemoHistory, random: Random, sender: DemoSender, c: DemoContact, body: string, at: Date) {
  const { encoding, segmentCount } = segmentMessage(body);
  const message: PlannedMessage = {
    ...blank(at),
    id: newId("message", at),
    direction: "INBOUND",
    status: "RECEIVED",
    contactId: c.id,
    from: c.phone,
    to: sender.address,
    body,
    encoding,
    segments: segmentCount,
    priceMicros: 0,
    marketing: false,
    receivedAt: at,
  };
  plan.messages.push(message);
  plan.events.push(event(message.id, "RECEIVED", "carrier", at));
  return message;
}

/**
 * A text through the simulator: queued → sending → sent (its carrier id) → the receipt's outcome.
 * Answers when it was delivered, or null.
 */
function outbound(
  plan: DemoHistory,
  random: Random,
  sender: DemoSender,
  c: DemoContact,
  body: string,
  o: { queuedAt: Date; source: string; marketing: boolean; unreachable: boolean; campaignId?: string },
): Date | null {
  const { encoding, segmentCount } = segmentMessage(body);
  const queued = o.queuedAt.getTime();
  const sendingAt = new Date(queued + 200 + Math.floor(random() * 800));
  const sentAt = new Date(sendingAt.getTime() + 1);
  const receiptAt = new Date(sentAt.getTime() + 1_500 + Math.floor(random() * 6_000));
  const roll = random();
  const outcome = o.unreachable
    ? { status: "UNDELIVERED" as const, ...pickWith(random)(UNDELIVERED.slice(0, 2)) }
    : roll < 0.01
      ? { status: "FAILED" as const, ...pickWith(random)(FAILED) }
      : roll < 0.03
        ? { status: "UNDELIVERED" as const, ...pickWith(random)(UNDELIVERED) }
        : roll < 0.035
          ? { status: "SENT" as const, code: null, text: null }
          : { status: "DELIVERED" as const, code: null, text: null };
  const final = outcome.status === "SENT" ? sentAt : receiptAt;
  const message: PlannedMessage = {
    ...blank(o.queuedAt),
    id: newId("message", o.queuedAt),
    direction: "OUTBOUND",
    status: outcome.status,
    contactId: c.id,
    from: sender.address,
    to: c.phone,
    body,
    encoding,
    segments: segmentCount,
    priceMicros: segmentCount * sender.smsPriceMicros,
    marketing: o.marketing,
    errorCode: outcome.code,
    errorMessage: outcome.text,
    carrierMessageId: `SM${hex(random)}${hex(random)}${hex(random)}${hex(random)}`,
    updatedAt: final,
    sentAt,
    deliveredAt: outcome.status === "DELIVERED" ? receiptAt : null,
    failedAt: outcome.status === "FAILED" || outcome.status === "UNDELIVERED" ? receiptAt : null,
    campaignId: o.campaignId ?? null,
  };
  plan.messages.push(message);
  const moves: [MessageStatus, string, Date][] = [
    ["QUEUED", o.source, o.queuedAt],
    ["SENDING", "dispatcher", sendingAt],
    ["SENT", "carrier", sentAt],
  ];
  if (outcome.status !== "SENT") moves.push([outcome.status, "carrier", receiptAt]);
  moves.forEach(([status, source, at], i) => {
    if (i > 0 && !canTransition(moves[i - 1]![0], status)) throw new Error(`Demo history: ${moves[i - 1]![0]} → ${status} is not a move the pipeline makes`);
    const last = i === moves.length - 1;
    plan.events.push(event(message.id, status, source, at, last ? outcome.code : null, last ? outcome.text : null));
  });
  return outcome.status === "DELIVERED" ? receiptAt : null;
}

function blank(at: Date) {
  return { errorCode: null, errorMessage: null, carrierMessageId: null, createdAt: at, updatedAt: at, sentAt: null, deliveredAt: null, failedAt: null, receivedAt: null, campaignId: null };
}

/** "Demo Coffee Co.: Autumn blend is back! 15% off…" → "Autumn blend is back". */
function campaignName(body: string): string {
  return body.replace(/^[^:]*:\s*/, "").split(/[!.:,]/)[0]!.trim();
}

function event(messageId: string, status: MessageStatus, source: string, occurredAt: Date, errorCode: string | null = null, errorMessage: string | null = null): PlannedEvent {
  return { id: newId("messageEvent", occurredAt), messageId, status, errorCode, errorMessage, source, occurredAt };
}

const hex = (random: Random) => Math.floor(random() * 2 ** 32).toString(16).padStart(8, "0");
