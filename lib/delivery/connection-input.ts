// What creating and editing a carrier connection accepts: pure zod and the per-kind settings, shared
// by the settings form and the procedures. The settings themselves are checked against
// CONNECTION_CONFIG[kind] (lib/carriers/connection-config.ts) by checkConnectionConfig below.
import { z } from "zod";
import { CONNECTION_CONFIG } from "@/lib/carriers/connection-config";
import type { CarrierKind } from "@/lib/generated/prisma/enums";

export const CARRIER_KINDS = ["SIMULATOR", "SMPP", "TWILIO"] as const satisfies readonly CarrierKind[];

export const CARRIER_KIND_LABELS: Record<CarrierKind, string> = {
  SIMULATOR: "Simulator",
  SMPP: "SMPP",
  TWILIO: "Twilio",
};

export type ConfigFieldType = "text" | "number" | "secret" | "boolean";

export interface ConfigField {
  key: string;
  label: string;
  type: ConfigFieldType;
  hint?: string;
}

/** The settings of each kind, in form order; secrets are write-only (never sent back to a browser). */
export const CONFIG_FIELDS: Record<CarrierKind, readonly ConfigField[]> = {
  SIMULATOR: [
    { key: "deliveryDelayMs", label: "Delivery delay (ms)", type: "number", hint: "How long after sending the delivery receipt comes" },
    { key: "undeliveredRate", label: "Undelivered rate", type: "number", hint: "Share of messages never delivered, 0 to 1 (0.02 = 2%)" },
    { key: "failedRate", label: "Failed rate", type: "number", hint: "Share the carrier refuses after accepting, 0 to 1" },
  ],
  SMPP: [
    { key: "host", label: "Host", type: "text" },
    { key: "port", label: "Port", type: "number" },
    { key: "systemId", label: "System ID", type: "text" },
    { key: "password", label: "Password", type: "secret" },
    { key: "systemType", label: "System type", type: "text" },
    { key: "window", label: "Window", type: "number", hint: "Unacknowledged submits in flight" },
    { key: "throughput", label: "Throughput (msg/s)", type: "number", hint: "As agreed with the SMSC" },
    { key: "enquireLinkSeconds", label: "Enquire-link interval (s)", type: "number" },
    { key: "sourceTon", label: "Source TON", type: "number", hint: "1 for international numbers" },
    { key: "sourceNpi", label: "Source NPI", type: "number", hint: "1 for E.164 (ISDN)" },
    { key: "tls", label: "Use TLS", type: "boolean" },
  ],
  TWILIO: [
    { key: "accountSid", label: "Account SID", type: "text" },
    { key: "authToken", label: "Auth token", type: "secret" },
  ],
};

export function secretKeys(kind: CarrierKind): string[] {
  return CONFIG_FIELDS[kind].filter((f) => f.type === "secret").map((f) => f.key);
}

const name = z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
// At most 100 (in the org's currency) per segment or MMS: anything above is a typo.
const priceMicros = z
  .number("Enter a price")
  .int("Use at most 6 decimal places")
  .min(0, "A price cannot be negative")
  .max(100_000_000, "Enter at most 100");
// Checked per kind by checkConnectionConfig, so errors can name the setting ("config.host").
const config = z.record(z.string(), z.unknown());

export const createConnectionInput = z.strictObject({
  name,
  kind: z.enum(CARRIER_KINDS),
  config: config.default({}),
  smsPriceMicros: priceMicros.default(0),
  mmsPriceMicros: priceMicros.default(0),
});
export type CreateConnectionInput = z.input<typeof createConnectionInput>;

/** The kind is fixed once created: its senders and their messages were made for it. */
export const updateConnectionInput = z.strictObject({
  id: z.string().min(1),
  name: name.optional(),
  config: config.optional(),
  smsPriceMicros: priceMicros.optional(),
  mmsPriceMicros: priceMicros.optional(),
});
export type UpdateConnectionInput = z.input<typeof updateConnectionInput>;

export const connectionIdInput = z.strictObject({ id: z.string().min(1) });

function describe(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      if (issue.expected === "int") return "must be a whole number";
      return issue.expected === "boolean" ? "must be yes or no" : `must be a ${issue.expected}`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "is required" : `must be at least ${issue.minimum} characters`;
      return `must be at least ${issue.minimum}`;
    case "too_big":
      return issue.origin === "string" ? `must be at most ${issue.maximum} characters` : `must be at most ${issue.maximum}`;
    case "unrecognized_keys":
      return `${issue.keys.join(", ")} ${issue.keys.length === 1 ? "is not a setting" : "are not settings"} of this kind of connection`;
    default:
      return "is not valid";
  }
}

export type ConfigCheck = { ok: true; config: Record<string, unknown> } | { ok: false; field: string; message: string };

/** The settings as stored (defaults filled in), or the first problem, named by its setting. */
export function checkConnectionConfig(kind: CarrierKind, raw: Record<string, unknown>): ConfigCheck {
  const result = CONNECTION_CONFIG[kind].safeParse(raw, { error: (issue) => describe(issue) });
  if (result.success) return { ok: true, config: result.data };
  const issue = result.error.issues[0]!;
  const key = issue.code === "unrecognized_keys" ? "" : String(issue.path[0] ?? "");
  const label = CONFIG_FIELDS[kind].find((f) => f.key === key)?.label;
  return {
    ok: false,
    field: key ? `config.${key}` : "config",
    message: label ? `${label} ${issue.message}` : issue.message,
  };
}

/** Each setting's default where it has one, to start a new connection's form from. */
export function configDefaults(kind: CarrierKind): Record<string, unknown> {
  const shape = CONNECTION_CONFIG[kind].shape as Record<string, z.ZodType>;
  return Object.fromEntries(
    CONFIG_FIELDS[kind].flatMap(({ key }) => {
      const result = shape[key]?.safeParse(undefined);
      return result?.success && result.data !== undefined ? [[key, result.data]] : [];
    }),
  );
}
