// The soak: what one person clicking through the UI, an API client sending with status callbacks,
// webhook endpoints, the simulator's receipts and phones texting STOP do to the app at once, for a
// bounded time, through the real job executor and the app's own functions. Every request must
// answer (in time, with a success or a refusal that says why), and nothing may be lost: every
// accepted message ends delivered, with its status callbacks and webhooks; every STOP opts its
// contact out, with its webhook. Run on the tier's database and on the embedded one, which froze
// under this mix when it was PGlite (a transaction waiting on the executor, which waited on it).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupAppHarness, waitUntil } from "../jobs/harness";
import { startReceiver } from "../webhooks/receiver";

/** How long the load runs; the checks after it wait at most DRAIN_MS for the pipeline to finish. */
const LOAD_MS = Number(process.env.SOAK_LOAD_MS ?? 25_000);
const DRAIN_MS = 60_000;
/** No request may take longer than this to answer, under load on a 2-core machine. */
const ANSWER_WITHIN_MS = 10_000;

export async function defineSoak(label: string) {
  const h = await setupAppHarness();
  // Imported only now: the app's db and Inngest client read the environment when they are made.
  const { functions } = await import("@/lib/jobs/functions");
  const messagesRoute = await import("@/app/api/v1/messages/route");
  const { createOrgWithOwner, callerFor } = await import("../helpers/factories");
  const { createTestApiKey, apiRequest } = await import("../helpers/api");
  const { messageSid } = await import("@/lib/twilio-api/message-sid");
  await h.serve(functions);
  const db = h.database.db;
  const webhooks = await startReceiver();
  const callbacks = await startCallbackReceiver();


  let caller: ReturnType<typeof callerFor>;
  let token: string;
  let sender: { id: string; connectionId: string; address: string };
  let endpointId: string;

  beforeAll(async () => {
    const { org, owner } = await createOrgWithOwner(db);
    caller = callerFor(db, owner, org.id);
    token = (await createTestApiKey(db, org.id, ["messages:send", "messages:read"])).token;
    sender = await db.senderNumber.findFirstOrThrow({ where: { orgId: org.id } });
    await db.carrierConnection.update({ where: { id: sender.connectionId }, data: { config: { deliveryDelayMs: 50, undeliveredRate: 0, failedRate: 0 } } });
    await db.senderNumber.update({ where: { id: sender.id }, data: { throughput: 500 } });
    endpointId = (await caller.webhooks.endpoints.create({ url: webhooks.url, eventTypes: ["message.delivered", "contact.opted_out"] })).id;
  });

  describe(`the soak on ${label}`, { timeout: LOAD_MS + DRAIN_MS + 30_000 }, () => {
    it("answers every request in time and loses nothing", async () => {
      const slowest: { what: string; ms: number }[] = [];
      const failures: string[] = [];
      const deadline = Date.now() + LOAD_MS;
      /** Runs `request` and records how long it took; an exception is a failure of the soak. */
      const timed = async <T>(what: string, request: () => Promise<T>): Promise<T | undefined> => {
        const started = performance.now();
        try {
          return await request();
        } catch (error) {
          failures.push(`${what}: ${(error as Error).message}`);
          return undefined;
        } finally {
          slowest.push({ what, ms: performance.now() - started });
        }
      };

      // REST sends with a status callback, to numbers no phone opts out.
      const sent: string[] = [];
      const restClient = async (worker: number) => {
        for (let i = 0; Date.now() < deadline; i++) {
          const to = `+1720555${String(worker * 1000 + (i % 1000)).padStart(4, "0")}`;
          const response = await timed("POST /api/v1/messages", () =>
            messagesRoute.POST(apiRequest("/api/v1/messages", { token, body: { to, body: `Order ${i} is ready`, status_callback: callbacks.url } })),
          );
          if (!response) continue;
          const body = (await response.json()) as { id?: string; error?: { code: string } };
          if (response.status === 201 && body.id) sent.push(body.id);
          else failures.push(`POST /api/v1/messages answered ${response.status} ${JSON.stringify(body)}`);
        }
      };

      // Phones that were texted, then text STOP (through the carrier path, receiveMessage).
      const stopped: string[] = [];
      const phones = async () => {
        for (let i = 0; Date.now() < deadline; i++) {
          const phone = `+1303555${String(i).padStart(4, "0")}`;
          await timed("messages.send", () => caller.messages.send({ to: phone, body: "Weekend sale: 20% off" }));
          const reply = await timed("phones.reply STOP", () => caller.phones.reply({ phone, senderId: sender.id, body: "STOP" }));
          if (reply) stopped.push(phone);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };

      // A person clicking through the pages.
      const person = async () => {
        for (let i = 0; Date.now() < deadline; i++) {
          await timed("contacts.list", () => caller.contacts.list({}));
          await timed("messages.list", () => caller.messages.list({}));
          await timed("contacts.create", () => caller.contacts.create({ phone: `+1415555${String(i).padStart(4, "0")}`, firstName: `Soak ${i}` }));
          await timed("webhooks.deliveries.list", () => caller.webhooks.deliveries.list({ endpointId }));
          await timed("phones.thread", () => caller.phones.thread({ phone: "+13035550000" }));
        }
      };

      await Promise.all([restClient(0), restClient(1), restClient(2), phones(), person()]);

      expect(failures).toEqual([]);
      const worst = slowest.reduce((a, b) => (b.ms > a.ms ? b : a), { what: "none", ms: 0 });
      expect(worst.ms, `slowest answer: ${worst.what}`).toBeLessThan(ANSWER_WITHIN_MS);
      expect(sent.length).toBeGreaterThan(50);
      expect(stopped.length).toBeGreaterThan(5);

      // Nothing lost: every accepted message delivered, with its callbacks and webhook.
      await waitUntil(
        async () => (await db.message.count({ where: { id: { in: sent }, status: "DELIVERED" } })) === sent.length,
        DRAIN_MS,
        `${sent.length} REST messages to be delivered`,
      );
      const sids = sent.map(messageSid);
      await waitUntil(
        async () => sids.every((sid) => callbacks.statuses(sid).includes("delivered") && callbacks.statuses(sid).includes("sent")),
        DRAIN_MS,
        "a sent and a delivered status callback for every REST message",
      );
      await waitUntil(
        async () => {
          const delivered = new Set(webhooks.requests.filter((r) => r.json.type === "message.delivered").map((r) => r.json.data.id as string));
          return sent.every((id) => delivered.has(id));
        },
        DRAIN_MS,
        "a message.delivered webhook for every REST message",
      );
      // Every STOP opted its contact out, with its webhook.
      const optedOutCount = await db.contact.count({ where: { phone: { in: stopped }, consentStatus: "OPTED_OUT" } });
      expect(optedOutCount).toBe(stopped.length);
      await waitUntil(
        async () => {
          const optedOut = new Set(webhooks.requests.filter((r) => r.json.type === "contact.opted_out").map((r) => r.json.data.phone as string));
          return stopped.every((phone) => optedOut.has(phone));
        },
        DRAIN_MS,
        "a contact.opted_out webhook for every STOP",
      );
      console.log(
        `[soak ${label}] ${slowest.length} requests in ${LOAD_MS / 1000} s, slowest ${Math.round(worst.ms)} ms (${worst.what}); ` +
          `${sent.length} REST messages delivered with callbacks and webhooks, ${stopped.length} STOPs`,
      );
    });
  });
}

/** A receiver of Twilio-style status callbacks (form posts): the statuses reported per message. */
async function startCallbackReceiver() {
  const seen = new Map<string, string[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const id = form.get("MessageSid") ?? "";
      seen.set(id, [...(seen.get(id) ?? []), form.get("MessageStatus") ?? ""]);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`, statuses: (id: string) => seen.get(id) ?? [] };
}
