"use client";
// Keeps the inbox's reads fresh from live events: a text received, a status moved, a conversation
// changed or noted (or "reset": events may have been missed) makes the list, the counts and the
// thread read afresh. React Query refetches only the queries on screen.
import { useQueryClient } from "@tanstack/react-query";
import { useLiveEvents } from "@/components/live/use-live-events";
import { useTRPC } from "@/lib/trpc/react";

const TOPICS = ["message.received", "message.status", "conversation.updated", "conversation.note", "reset"] as const;

export function useInboxLive() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useLiveEvents(TOPICS, () => {
    void queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
  });
}
