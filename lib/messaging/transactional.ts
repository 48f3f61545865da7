// Transactional messages (codes, receipts, replies the contact asked for) reach contacts who opted
// out, so choosing one is deliberate: in the UI only owners and admins may (members are not offered
// it, and the send refuses it); API keys need the messages:transactional scope (lib/api). The
// system's own (verification codes, keyword replies) are transactional by nature.
//
// Audited: a transactional message that a person or an API key sends to a contact who had opted out
// (written with the message, send-messages.ts). Not every transactional send: receipts and codes
// are the API's everyday traffic, already in the message log with their type, and an audit row
// each would double what the busiest path writes; the exceptional act is reaching someone who said
// STOP, and that one is always there to be found.
import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export const TRANSACTIONAL_ROLES: readonly Role[] = ["OWNER", "ADMIN"];

export const mayChooseTransactional = (role: Role | null | undefined): boolean => role != null && TRANSACTIONAL_ROLES.includes(role);

export function requireTransactionalRole(role: Role | null): void {
  if (!mayChooseTransactional(role)) {
    throw new DomainError("FORBIDDEN", "Only admins and owners may send transactional messages; send it as marketing, or ask an admin", "marketing", "forbidden");
  }
}
