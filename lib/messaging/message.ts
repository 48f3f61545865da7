// A message as the app reads it: every column but secretBody (a verification code's whole text),
// which only the dispatcher's SQL reads; lib/db/client.ts omits it from Prisma's reads.
import type { Message as MessageRow } from "@/lib/generated/prisma/client";

export type Message = Omit<MessageRow, "secretBody">;

/** A row read with raw SQL (`SELECT *`) as the app may hold it. */
export function withoutSecret(row: MessageRow): Message {
  const message: Partial<MessageRow> = { ...row };
  delete message.secretBody;
  return message as Message;
}
