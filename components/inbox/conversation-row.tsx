"use client";
// One conversation in the list: the contact, the last text, when, who has it, and since when the
// contact has waited for an answer.
import { contactName } from "@/components/contacts/contact-name";
import type { ConversationListRow } from "@/components/inbox/inbox-types";
import { relativeTime } from "@/components/inbox/relative-time";
import { cn } from "@/components/ui/cn";

export function ConversationRowItem({ row, selected, onSelect }: { row: ConversationListRow; selected: boolean; onSelect: () => void }) {
  const name = contactName(row.contact);
  const preview = row.last ? (row.last.body || (row.last.mediaCount > 0 ? "Picture" : "")) : "No messages yet";
  return (
    <li>
      <button
        type="button"
        onClick={onSelect}
        aria-current={selected ? "true" : undefined}
        data-testid="conversation-row"
        className={cn(
          "block w-full border-b border-zinc-100 px-3 py-2.5 text-left dark:border-zinc-800/60",
          selected ? "bg-brand-50 dark:bg-brand-700/20" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/50",
        )}
      >
        <div className="flex items-baseline justify-between gap-2">
          <span className={cn("truncate text-sm", row.unread ? "font-semibold" : "font-medium")}>
            {row.unread && <span className="mr-1.5 inline-block h-2 w-2 rounded-full bg-brand-600" aria-label="Unread" />}
            {name ?? row.contact.phone}
          </span>
          <time className="shrink-0 text-xs text-zinc-500" dateTime={new Date(row.lastMessageAt).toISOString()}>
            {relativeTime(row.lastMessageAt)}
          </time>
        </div>
        <p className={cn("mt-0.5 truncate text-sm", row.unread ? "text-zinc-900 dark:text-zinc-100" : "text-zinc-500")}>
          {row.last?.direction === "OUTBOUND" && <span className="text-zinc-400">You: </span>}
          {preview}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
          {row.assignee ? <span>{row.assignee.name}</span> : row.status === "OPEN" && <span>Unassigned</span>}
          {row.waitingSince && row.status === "OPEN" && <span className="text-amber-700 dark:text-amber-400">waiting {relativeTime(row.waitingSince)}</span>}
          {row.status === "SNOOZED" && <span>Snoozed{row.snoozedUntil ? ` until ${new Date(row.snoozedUntil).toLocaleString()}` : " until reply"}</span>}
          {row.labels.map((l) => (
            <span key={l} className="rounded bg-zinc-100 px-1.5 dark:bg-zinc-800">
              {l}
            </span>
          ))}
        </div>
      </button>
    </li>
  );
}
