// The `smpp` package, set up once for Textstack: it frames PDUs and (de)serialises parameters; text
// encoding is ours (short-message.ts). Removing its encodings (its documented way to opt out) makes
// it hand short_message over as octets, and use octets we give it as they are.
import smpp from "smpp";

for (const name of Object.keys(smpp.encodings)) delete smpp.encodings[name];

export { smpp };

const statusNames = new Map(Object.entries(smpp.errors).map(([name, value]) => [value, name]));

/** ESME_RTHROTTLED for 0x58; unknown values as ESME_0x.. so they still read as a status. */
export function statusName(status: number): string {
  return statusNames.get(status) ?? `ESME_0x${status.toString(16).padStart(8, "0")}`;
}

export const STATUS = {
  OK: smpp.errors.ESME_ROK!,
  THROTTLED: smpp.errors.ESME_RTHROTTLED!,
  QUEUE_FULL: smpp.errors.ESME_RMSGQFUL!,
  BIND_FAILED: smpp.errors.ESME_RBINDFAIL!,
  INVALID_PASSWORD: smpp.errors.ESME_RINVPASWD!,
  INVALID_COMMAND: smpp.errors.ESME_RINVCMDID!,
  /** deliver_sm_resp: we could not take it now; the SMSC delivers it again later. */
  TEMPORARY_APP_ERROR: smpp.errors.ESME_RX_T_APPN!,
  /** deliver_sm_resp: we will never take it (no such number on this connection). */
  PERMANENT_APP_ERROR: smpp.errors.ESME_RX_P_APPN!,
} as const;
