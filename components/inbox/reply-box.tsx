"use client";
// The thread's reply box: the shared compose box (Enter sends, Shift+Enter breaks the line), from
// the number the contact last texted or another, a saved reply to start from; or an internal note.
// A reply waits a few seconds (undoable, in the thread and in the toast) before it goes. A contact
// who opted out is said so before sending; the server refuses a marketing text to them with the reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { forwardRef, useImperativeHandle, useRef, useState } from "react";
import { toast } from "sonner";
import { ComposeBox, EMPTY_COMPOSE, type ComposeValue } from "@/components/messaging/compose-box";
import type { Thread } from "@/components/inbox/inbox-types";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select, Textarea } from "@/components/ui/input";
import { UNDO_SECONDS } from "@/lib/inbox/inbox-input";
import { errorMessage, formErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export interface ReplyBoxHandle {
  focus: () => void;
}

export const ReplyBox = forwardRef<ReplyBoxHandle, { thread: Thread; onTyping: () => void; onSent: (messageId: string) => void; onUndo: (messageId: string) => void }>(
  function ReplyBox({ thread, onTyping, onSent, onUndo }, ref) {
    const trpc = useTRPC();
    const queryClient = useQueryClient();
    const [mode, setMode] = useState<"reply" | "note">("reply");
    const [compose, setCompose] = useState<ComposeValue>(EMPTY_COMPOSE);
    const [note, setNote] = useState("");
    const [from, setFrom] = useState("");
    const box = useRef<HTMLDivElement>(null);
    useImperativeHandle(ref, () => ({ focus: () => box.current?.querySelector("textarea")?.focus() }));
    const senders = useQuery(trpc.messages.senders.queryOptions()).data ?? [];
    const saved = useQuery(trpc.inbox.savedReplies.queryOptions()).data ?? [];
    const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
    const c = thread.conversation;

    const reply = useMutation(
      trpc.inbox.reply.mutationOptions({
        onSuccess: (message) => {
          setCompose(EMPTY_COMPOSE);
          onSent(message.id);
          void refresh();
          if (message.status === "SCHEDULED") {
            toast("Reply sending…", { duration: UNDO_SECONDS * 1000, action: { label: "Undo", onClick: () => onUndo(message.id) } });
          }
        },
      }),
    );
    const addNote = useMutation(
      trpc.inbox.addNote.mutationOptions({
        onSuccess: () => {
          setNote("");
          void refresh();
        },
        onError: (error) => toast.error(errorMessage(error)),
      }),
    );

    function send() {
      if (reply.isPending || (!compose.body.trim() && compose.media.length === 0)) return;
      reply.mutate({
        id: c.id,
        body: compose.body,
        mediaIds: compose.media.map((m) => m.id),
        smartEncoding: compose.smartEncoding,
        shortenLinks: compose.shortenLinks,
        ...(from && { from }),
      });
    }
    const error = formErrors(reply.error);
    const optedOut = thread.contact.consentStatus === "OPTED_OUT";

    return (
      <div className="border-t border-zinc-200 p-3 dark:border-zinc-800" ref={box}>
        <div className="mb-2 flex items-center gap-1" role="tablist" aria-label="Reply or note">
          {(["reply", "note"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              onClick={() => setMode(m)}
              className={cn(
                "rounded-md px-2 py-1 text-sm font-medium",
                mode === m ? (m === "note" ? "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200" : "bg-brand-50 text-brand-700 dark:bg-brand-700/20 dark:text-brand-100") : "text-zinc-600 dark:text-zinc-400",
              )}
            >
              {m === "reply" ? "Reply" : "Internal note"}
            </button>
          ))}
        </div>
        {mode === "note" ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (note.trim()) addNote.mutate({ id: c.id, body: note });
            }}
            className="space-y-2"
          >
            <Textarea aria-label="Internal note" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Only teammates see notes; they are never sent." rows={3} className="bg-amber-50/50 dark:bg-amber-950/20" />
            <Button type="submit" size="sm" disabled={addNote.isPending || !note.trim()}>
              Add note
            </Button>
          </form>
        ) : (
          <div className="space-y-2">
            {optedOut && (
              <p role="status" className="rounded-md bg-red-50 px-2 py-1 text-xs text-red-800 dark:bg-red-950/40 dark:text-red-300">
                This contact opted out: marketing texts to them are refused.
              </p>
            )}
            <div className="flex flex-wrap items-center gap-2">
              <Button size="sm" onClick={send} disabled={reply.isPending || (!compose.body.trim() && compose.media.length === 0)} data-testid="send-reply">
                Send
              </Button>
              <Select aria-label="Send from" className="h-8 w-auto py-0 text-sm" value={from || c.sender?.id || ""} onChange={(e) => setFrom(e.target.value)}>
                {!c.sender && <option value="">The first number</option>}
                {senders.map((s) => (
                  <option key={s.id} value={s.id}>
                    From {s.address}
                  </option>
                ))}
              </Select>
              {saved.length > 0 && (
                <Select
                  aria-label="Saved reply"
                  className="h-8 w-auto py-0 text-sm"
                  value=""
                  onChange={(e) => {
                    const chosen = saved.find((s) => s.id === e.target.value);
                    if (chosen) setCompose((v) => ({ ...v, body: v.body ? `${v.body} ${chosen.body}` : chosen.body }));
                  }}
                >
                  <option value="">Saved reply…</option>
                  {saved.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              )}
            </div>
            <ComposeBox
              value={compose}
              onChange={setCompose}
              onSubmit={send}
              enterSends
              compact
              onTyping={onTyping}
              label="Reply"
              placeholder="Write a reply… (Enter sends, Shift+Enter for a new line)"
              error={Object.values(error.fields)[0] ?? error.form}
              disabled={reply.isPending}
            />
          </div>
        )}
      </div>
    );
  },
);
