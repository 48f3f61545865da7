"use client";
// useLiveEvents(["message.received"], (event) => ...): the handler hears the org's live events of
// those topics (lib/realtime/topics.ts) while the component is mounted, over the tab's one
// EventSource (live-connection.ts). Add "reset" to hear that events may have been missed (the view
// should read afresh).
import { useEffect, useRef } from "react";
import { subscribeLive } from "@/components/live/live-connection";
import type { LiveMessage } from "@/lib/realtime/topics";

export function useLiveEvents(topics: readonly string[], handler: (event: LiveMessage) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const key = topics.join(",");
  useEffect(() => {
    const wanted = new Set(key.split(","));
    return subscribeLive((event) => {
      if (wanted.has(event.topic)) latest.current(event);
    });
  }, [key]);
}
