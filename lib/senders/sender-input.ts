// What adding and editing a sender number accepts: pure zod shared by the settings form and the
// procedures. The address is checked per kind by lib/senders/sender-address.ts.
import { z } from "zod";
import type { SenderKind } from "@/lib/generated/prisma/enums";

export const SENDER_KINDS = ["LONG_CODE", "TOLL_FREE", "SHORT_CODE", "ALPHANUMERIC"] as const satisfies readonly SenderKind[];

export const SENDER_KIND_LABELS: Record<SenderKind, string> = {
  LONG_CODE: "Long code",
  TOLL_FREE: "Toll-free",
  SHORT_CODE: "Short code",
  ALPHANUMERIC: "Alphanumeric ID",
};

const senderFields = {
  kind: z.enum(SENDER_KINDS),
  address: z.string().trim().min(1, "Enter the number or sender ID").max(32, "Use at most 32 characters"),
  connectionId: z.string().min(1, "Choose a connection"),
  throughput: z.number("Enter a number").int("Use a whole number").min(1, "At least 1 message per second").max(10_000, "At most 10,000 messages per second"),
  mmsEnabled: z.boolean(),
  label: z
    .string()
    .trim()
    .max(60, "Use at most 60 characters")
    .transform((s) => (s === "" ? null : s))
    .nullish(),
};

export const createSenderInput = z.strictObject({
  ...senderFields,
  kind: senderFields.kind.default("LONG_CODE"),
  throughput: senderFields.throughput.default(10),
  mmsEnabled: senderFields.mmsEnabled.default(false),
});
export type CreateSenderInput = z.input<typeof createSenderInput>;

export const updateSenderInput = z.strictObject({ id: z.string().min(1), ...senderFields }).partial({
  kind: true,
  address: true,
  connectionId: true,
  throughput: true,
  mmsEnabled: true,
  label: true,
});
export type UpdateSenderInput = z.input<typeof updateSenderInput>;

export const senderIdInput = z.strictObject({ id: z.string().min(1) });
