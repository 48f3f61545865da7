"use client";
// usePresence(conversationId): the teammates viewing or typing in the conversation (not oneself),
// and `typing()` to call as the user types. While mounted it says "viewing" every
// PRESENCE_REPEAT_MS, "typing" at most every 3 s while typing, and "left" when unmounted
// (lib/realtime/presence.ts); a teammate not heard for PRESENCE_TTL_MS is dropped.
import { useCallback, useEffect, useRef, useState } from "react";
import { liveUserId } from "@/components/live/live-connection";
import { useLiveEvents } from "@/components/live/use-live-events";
import { PRESENCE_REPEAT_MS, PRESENCE_TTL_MS, type PresenceInput, type PresenceNotice } from "@/lib/realtime/presence";
import { activeOrgHeaders } from "@/lib/trpc/react";

const TYPING_REPEAT_MS = 3_000;
/** "typing" holds this long after the last keystroke heard. */
const TYPING_HOLDS_MS = 6_000;

export interface Teammate {
  userId: string;
  name: string;
  typing: boolean;
}

function say(conversationId: string, state: PresenceInput["state"]) {
  void fetch("/api/live/presence", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...activeOrgHeaders() },
    body: JSON.stringify({ conversationId, state }),
    keepalive: state === "left",
  }).catch(() => {});
}

export function usePresence(conversationId: string | null): { teammates: Teammate[]; typing: () => void } {
  const [seen, setSeen] = useState<Map<string, { conversationId: string; name: string; at: number; typingAt: number | null }>>(new Map());
  const [now, setNow] = useState(() => Date.now());
  const lastTyping = useRef(0);

  useLiveEvents(["presence"], (event) => {
    const notice = event.data as unknown as PresenceNotice;
    if (notice.conversationId !== conversationId || notice.userId === liveUserId()) return;
    setSeen((previous) => {
      const next = new Map(previous);
      if (notice.state === "left") next.delete(notice.userId);
      else {
        const before = previous.get(notice.userId);
        const typingAt = notice.state === "typing" ? Date.now() : before?.conversationId === notice.conversationId ? before.typingAt : null;
        next.set(notice.userId, { conversationId: notice.conversationId, name: notice.name, at: Date.now(), typingAt });
      }
      return next;
    });
  });

  useEffect(() => {
    if (!conversationId) return;
    say(conversationId, "viewing");
    const repeat = setInterval(() => {
      say(conversationId, "viewing");
      setNow(Date.now());
    }, PRESENCE_REPEAT_MS);
    const tick = setInterval(() => setNow(Date.now()), 2_000);
    return () => {
      clearInterval(repeat);
      clearInterval(tick);
      say(conversationId, "left");
    };
  }, [conversationId]);

  const typing = useCallback(() => {
    if (!conversationId || Date.now() - lastTyping.current < TYPING_REPEAT_MS) return;
    lastTyping.current = Date.now();
    say(conversationId, "typing");
  }, [conversationId]);

  const teammates = [...seen.entries()]
    .filter(([, p]) => p.conversationId === conversationId && now - p.at < PRESENCE_TTL_MS)
    .map(([userId, p]) => ({ userId, name: p.name, typing: p.typingAt !== null && now - p.typingAt < TYPING_HOLDS_MS }));
  return { teammates, typing };
}
