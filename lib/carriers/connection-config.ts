// The settings of each kind of carrier connection, validated when a connection is saved and again
// when an adapter is made from it. Secrets (SMPP password, Twilio auth token) live here too.
import { z } from "zod";
import type { CarrierKind } from "@/lib/generated/prisma/enums";

export const simulatorConfig = z.strictObject({
  /** How long after the submit the delivery receipt comes. */
  deliveryDelayMs: z.number().int().min(0).max(600_000).default(1_500),
  /** Share of messages the handset never gets (receipt "undelivered", error 30003/30005/30006). */
  undeliveredRate: z.number().min(0).max(1).default(0.02),
  /** Share the carrier refuses outright after accepting (receipt "failed", error 30007/30008). */
  failedRate: z.number().min(0).max(1).default(0.01),
});

export const smppConfig = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(2775),
  systemId: z.string().min(1).max(15),
  password: z.string().max(8),
  systemType: z.string().max(12).default(""),
  /** Unacknowledged submit_sm PDUs allowed in flight on one bind. */
  window: z.number().int().min(1).max(1_000).default(50),
  /** submit_sm per second on one bind, as agreed with the SMSC. */
  throughput: z.number().int().min(1).max(100_000).default(100),
  enquireLinkSeconds: z.number().int().min(5).max(3_600).default(30),
  /** TON/NPI of source addresses: international numbers 1/1, alphanumeric 5/0 (set per sender). */
  sourceTon: z.number().int().min(0).max(6).default(1),
  sourceNpi: z.number().int().min(0).max(18).default(1),
  tls: z.boolean().default(false),
});

export const twilioConfig = z.strictObject({
  accountSid: z.string().regex(/^AC[0-9a-f]{32}$/i, "must be AC followed by 32 hexadecimal characters"),
  authToken: z.string().min(1),
  /** Twilio's API origin; overridden only to point at a stub in tests. */
  baseUrl: z.url().optional(),
});

export const CONNECTION_CONFIG = {
  SIMULATOR: simulatorConfig,
  SMPP: smppConfig,
  TWILIO: twilioConfig,
} as const satisfies Record<CarrierKind, z.ZodType>;

export type SimulatorConfig = z.infer<typeof simulatorConfig>;
export type SmppConfig = z.infer<typeof smppConfig>;
export type TwilioConfig = z.infer<typeof twilioConfig>;
