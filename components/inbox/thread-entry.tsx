"use client";
// One entry of a thread: a text as a bubble (the contact's on the left, ours on the right with who
// sent it and its delivery status, the carrier's reason when it failed, pictures inline), an
// internal note (amber, never sent), or a consent change in the flow.
import { ShieldCheck, ShieldOff, StickyNote } from "lucide-react";
import { formatDateTime } from "@/components/app/format";
import { consentChangeText } from "@/components/inbox/consent-change";
import type { ThreadEntry } from "@/components/inbox/inbox-types";
import { cn } from "@/components/ui/cn";
import { LinkedText } from "@/components/links/linked-text";

type MessageEntry = Extract<ThreadEntry, { type: "message" }>;

const STATUS_WORDS: Record<string, string> = {
  SCHEDULED: "Waiting",
  QUEUED: "Queued",
  SENDING: "Sending",
  SENT: "Sent",
  DELIVERED: "Delivered",
  UNDELIVERED: "Undelivered",
  FAILED: "Failed",
  CANCELED: "Canceled",
};

function authorLabel(entry: MessageEntry): string {
  const a = entry.author;
  switch (a.kind) {
    case "contact":
      return "";
    case "teammate":
      return a.name;
    case "campaign":
      return `Campaign: ${a.name}`;
    case "workflow":
      return "Workflow";
    case "keyword":
      return "Keyword reply";
    case "api":
      return "API";
  }
}

export function ThreadEntryView({ entry, undo }: { entry: ThreadEntry; undo?: { seconds: number; onUndo: () => void } }) {
  if (entry.type === "note") {
    return (
      <li className="mx-auto max-w-[85%] rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-700/60 dark:bg-amber-950/40" data-testid="thread-note">
        <p className="mb-1 flex items-center gap-1 text-xs font-medium text-amber-800 dark:text-amber-300">
          <StickyNote className="h-3.5 w-3.5" aria-hidden /> Note by {entry.author} · {formatDateTime(entry.at)} · not sent
        </p>
        <p className="whitespace-pre-wrap">{entry.body}</p>
      </li>
    );
  }
  if (entry.type === "consent") {
    const out = entry.action === "OPT_OUT";
    const Icon = out ? ShieldOff : ShieldCheck;
    return (
      <li className="flex items-center justify-center gap-1.5 text-xs text-zinc-500" data-testid="thread-consent">
        <Icon className={cn("h-3.5 w-3.5", out ? "text-red-600" : "text-emerald-600")} aria-hidden />
        {consentChangeText(entry)} · {formatDateTime(entry.at)}
      </li>
    );
  }
  const inbound = entry.direction === "INBOUND";
  const failed = entry.status === "FAILED" || entry.status === "UNDELIVERED";
  return (
    <li className={cn("flex flex-col", inbound ? "items-start" : "items-end")} data-testid="thread-message" data-status={entry.status}>
      <div
        className={cn(
          "max-w-[85%] rounded-2xl px-3 py-2 text-sm md:max-w-[70%]",
          inbound ? "rounded-bl-sm bg-zinc-100 dark:bg-zinc-800" : "rounded-br-sm bg-brand-600 text-white",
          entry.status === "CANCELED" && "opacity-50",
        )}
      >
        {entry.media.map((m) =>
          m.url && m.contentType?.startsWith("image/") ? (
            // eslint-disable-next-line @next/next/no-img-element -- signed media URLs, any size
            <img key={m.id} src={m.url} alt="Attached picture" className="mb-1 max-h-60 rounded-lg" />
          ) : (
            <p key={m.id} className="mb-1 text-xs underline">
              {m.url ? <a href={m.url}>Attachment</a> : "Attachment (deleted)"}
            </p>
          ),
        )}
        {entry.body && (
          <p className="whitespace-pre-wrap break-words">
            <LinkedText text={entry.body} />
          </p>
        )}
      </div>
      <p className="mt-0.5 px-1 text-xs text-zinc-500">
        {!inbound && <span>{authorLabel(entry)} · </span>}
        {formatDateTime(entry.at)}
        {!inbound && (
          <span className={cn(failed && "font-medium text-red-600 dark:text-red-400")} data-testid="message-status">
            {" · "}
            {STATUS_WORDS[entry.status] ?? entry.status}
            {failed && (entry.errorMessage || entry.errorCode) ? `: ${entry.errorMessage ?? entry.errorCode}` : ""}
          </span>
        )}
        {undo && (
          <>
            {" · "}
            <button type="button" className="font-medium text-brand-700 underline dark:text-brand-100" onClick={undo.onUndo}>
              Undo ({undo.seconds}s)
            </button>
          </>
        )}
      </p>
    </li>
  );
}
