// The live topics: what a browser hears on GET /api/live (app/api/live/route.ts) and
// useLiveEvents (components/live/) subscribes to. Strings, so a domain above adds its own without a
// change here; these are the ones in use (issue 15):
// - message.received      an inbound text stored: { messageId, contactId, senderId }
// - message.status        an outbound message of a person (not a campaign's, not the API's) moved:
//                         { messageId, contactId, status, errorCode }
// - conversation.updated  a conversation's status, assignee, unread count or labels changed
// - conversation.note     an internal note added to a conversation
// - presence              who views or types in a conversation (never stored: publishPresence)
// Two more come from the stream itself, never published: `hello` (the stream is open: { userId }),
// and `reset` (events may have been missed, e.g. the resume point was pruned: read afresh).
export type LiveTopic = "message.received" | "message.status" | "conversation.updated" | "conversation.note" | "presence" | (string & {});

/** What a publisher hands publishLive: JSON data under a topic. */
export interface LiveEventInput {
  topic: LiveTopic;
  data: Record<string, unknown>;
}

/** What a subscriber hears. `id` (the LiveEvent row's, as text) is absent for presence: nothing to resume. */
export interface LiveMessage {
  id?: string;
  topic: string;
  data: Record<string, unknown>;
}
