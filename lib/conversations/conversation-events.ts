// The live events of conversations (lib/realtime/topics.ts), published in the transaction that makes
// the change, so open inbox views hear of it once it commits: they read the list and the thread afresh.
import type { SqlClient } from "@/lib/db/sql";
import { publishLive } from "@/lib/realtime/publish-live";

export interface ConversationRef {
  id: string;
  contactId: string;
}

export function conversationUpdated(tx: SqlClient, orgId: string, conversations: readonly ConversationRef[]): Promise<void> {
  return publishLive(
    tx,
    orgId,
    conversations.map((c) => ({ topic: "conversation.updated", data: { conversationId: c.id, contactId: c.contactId } })),
  );
}

export function conversationNoted(tx: SqlClient, orgId: string, conversation: ConversationRef, noteId: string): Promise<void> {
  return publishLive(tx, orgId, [{ topic: "conversation.note", data: { conversationId: conversation.id, contactId: conversation.contactId, noteId } }]);
}
