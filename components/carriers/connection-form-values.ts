// The connection form's values as typed (text), and the procedure input they become. Numbers and
// prices are converted here; the server checks the settings against the kind's schema and answers
// with the setting's name ("config.port"), which the form shows beside that input.
import { CONFIG_FIELDS, configDefaults } from "@/lib/delivery/connection-input";
import type { ConnectionView } from "@/lib/delivery/manage-connections";
import type { CarrierKind } from "@/lib/generated/prisma/enums";
import { decimalFromMicros, microsFromDecimal } from "@/lib/money";

export interface ConnectionFormValues {
  name: string;
  kind: CarrierKind;
  config: Record<string, string | boolean>;
  smsPrice: string;
  mmsPrice: string;
}

function asFormConfig(kind: CarrierKind, config: Record<string, unknown>): Record<string, string | boolean> {
  return Object.fromEntries(
    CONFIG_FIELDS[kind].map(({ key, type }) => {
      if (type === "boolean") return [key, config[key] === true];
      // Secrets are never sent to the browser: blank means "keep the stored one".
      if (type === "secret") return [key, ""];
      return [key, config[key] === undefined ? "" : String(config[key])];
    }),
  );
}

export function newConnectionValues(kind: CarrierKind = "SIMULATOR"): ConnectionFormValues {
  return { name: "", kind, config: asFormConfig(kind, configDefaults(kind)), smsPrice: "0.00", mmsPrice: "0.00" };
}

export function connectionValues(connection: ConnectionView): ConnectionFormValues {
  return {
    name: connection.name,
    kind: connection.kind,
    config: asFormConfig(connection.kind, connection.config),
    smsPrice: decimalFromMicros(connection.smsPriceMicros),
    mmsPrice: decimalFromMicros(connection.mmsPriceMicros),
  };
}

export type ConnectionPayload =
  | { ok: true; input: { name: string; config: Record<string, unknown>; smsPriceMicros: number; mmsPriceMicros: number } }
  | { ok: false; fields: Record<string, string> };

export function connectionPayload(values: ConnectionFormValues): ConnectionPayload {
  const config: Record<string, unknown> = {};
  for (const { key, type } of CONFIG_FIELDS[values.kind]) {
    const value = values.config[key];
    if (type === "boolean") config[key] = value === true;
    else if (type === "number") {
      const text = String(value ?? "").trim();
      // Blank takes the setting's default; anything else must read as a number (NaN is refused).
      if (text !== "") config[key] = Number(text);
    } else config[key] = String(value ?? "").trim();
  }
  const smsPriceMicros = microsFromDecimal(values.smsPrice);
  const mmsPriceMicros = microsFromDecimal(values.mmsPrice);
  const fields: Record<string, string> = {};
  const priceError = "Enter a price such as 0.0079 (up to 6 decimal places)";
  if (smsPriceMicros === null) fields.smsPriceMicros = priceError;
  if (mmsPriceMicros === null) fields.mmsPriceMicros = priceError;
  if (smsPriceMicros === null || mmsPriceMicros === null) return { ok: false, fields };
  return { ok: true, input: { name: values.name, config, smsPriceMicros, mmsPriceMicros } };
}
