"use client";
// The tab's one EventSource on GET /api/live (app/api/live/route.ts), shared by every
// useLiveEvents and usePresence of the page: opened with the first subscriber, closed a little
// after the last one leaves (a page change does not reconnect). The browser reconnects by itself
// after a drop, sending the last event's id; when it gives up (the server answered an error while
// restarting), a new EventSource is opened with backoff, resuming from that id (?lastEventId=).
// Events are passed on once: a catch-up may repeat some (lib/realtime/live-cursor.ts).
import { ACTIVE_ORG_HEADER } from "@/lib/orgs/active-org-cookie";
import type { LiveMessage } from "@/lib/realtime/topics";
import { activeOrgHeaders } from "@/lib/trpc/react";

export type LiveListener = (message: LiveMessage) => void;

const listeners = new Set<LiveListener>();
const heard: string[] = [];
const heardSet = new Set<string>();
let source: EventSource | null = null;
let lastEventId: string | null = null;
let failures = 0;
let reopen: ReturnType<typeof setTimeout> | null = null;
let idleClose: ReturnType<typeof setTimeout> | null = null;
let self: string | null = null;

/** The signed-in user, as the stream's `hello` named them (null until it has). */
export function liveUserId(): string | null {
  return self;
}

export function subscribeLive(listener: LiveListener): () => void {
  listeners.add(listener);
  if (idleClose) clearTimeout(idleClose);
  idleClose = null;
  if (!source && !reopen) open();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) idleClose = setTimeout(close, 5_000);
  };
}

function url(): string {
  const query = new URLSearchParams();
  const org = activeOrgHeaders()[ACTIVE_ORG_HEADER];
  if (org) query.set("org", org);
  if (lastEventId) query.set("lastEventId", lastEventId);
  return `/api/live?${query}`;
}

function open() {
  reopen = null;
  const opened = new EventSource(url());
  source = opened;
  opened.onopen = () => (failures = 0);
  opened.onmessage = (event) => {
    if (event.lastEventId) lastEventId = event.lastEventId;
    let message: LiveMessage;
    try {
      message = JSON.parse(event.data) as LiveMessage;
    } catch {
      return;
    }
    if (message.topic === "hello") self = String(message.data.userId ?? "") || null;
    // An event without an `id:` line (presence) still carries the last one's id (EventSource keeps
    // it), which the dedupe below had already seen: such events have no id of their own.
    const id = message.topic === "hello" || message.topic === "presence" ? "" : event.lastEventId;
    if (id && !remember(id)) return;
    const delivered: LiveMessage = id ? { ...message, id } : message;
    for (const listener of [...listeners]) listener(delivered);
  };
  opened.onerror = () => {
    // CONNECTING: the browser retries itself. CLOSED: it gave up; we open a new one.
    if (opened.readyState !== EventSource.CLOSED || source !== opened) return;
    source = null;
    // With nothing to resume from, what happened meanwhile is unknown: the views read afresh.
    if (!lastEventId) for (const listener of [...listeners]) listener({ topic: "reset", data: {} });
    const wait = Math.min(30_000, 1_000 * 2 ** failures++);
    reopen = setTimeout(open, wait);
  };
}

function close() {
  idleClose = null;
  if (reopen) clearTimeout(reopen);
  reopen = null;
  source?.close();
  source = null;
}

function remember(id: string): boolean {
  if (heardSet.has(id)) return false;
  heardSet.add(id);
  heard.push(id);
  if (heard.length > 2_000) heardSet.delete(heard.shift()!);
  return true;
}
