"use client";
// The navigation's unread count for the inbox: the viewer's unread conversations, kept live.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLiveEvents } from "@/components/live/use-live-events";
import { useTRPC } from "@/lib/trpc/react";

const TOPICS = ["message.received", "conversation.updated", "reset"] as const;

export function NavUnread() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const counts = useQuery(trpc.inbox.counts.queryOptions());
  useLiveEvents(TOPICS, () => void queryClient.invalidateQueries({ queryKey: trpc.inbox.counts.queryKey() }));
  const unread = counts.data?.unread ?? 0;
  if (unread === 0) return null;
  return (
    <span className="ml-auto rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-semibold leading-none text-white" data-testid="nav-unread" aria-label={`${unread} unread`}>
      {unread > 99 ? "99+" : unread}
    </span>
  );
}
