"use client";
// The open conversation: who it is with (and which teammates are viewing or typing in it, so two
// do not answer at once), its controls, the thread (kept scrolled to the newest), and the reply
// box. Opening it, and each new text while it is open, moves the viewer's read marker.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, PanelRight } from "lucide-react";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { toast } from "sonner";
import { contactName } from "@/components/contacts/contact-name";
import { ConsentBadge } from "@/components/contacts/consent-badge";
import { usePresence } from "@/components/live/use-presence";
import { ReplyBox, type ReplyBoxHandle } from "@/components/inbox/reply-box";
import { ThreadActions } from "@/components/inbox/thread-actions";
import { ThreadEntryView } from "@/components/inbox/thread-entry";
import { Button } from "@/components/ui/button";
import { LoadError } from "@/components/ui/query-state";
import { UNDO_SECONDS } from "@/lib/inbox/inbox-input";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export interface ThreadViewHandle {
  focusReply: () => void;
}

export const ThreadView = forwardRef<ThreadViewHandle, { conversationId: string; me: string | null; onBack: () => void; onDetails: () => void }>(function ThreadView(
  { conversationId, me, onBack, onDetails },
  ref,
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const thread = useQuery(trpc.inbox.thread.queryOptions({ id: conversationId }, { retry: false }));
  const presence = usePresence(conversationId);
  const reply = useRef<ReplyBoxHandle>(null);
  useImperativeHandle(ref, () => ({ focusReply: () => reply.current?.focus() }));
  const scroller = useRef<HTMLOListElement>(null);
  // Replies of this tab still waiting, undoable: message id → when they go.
  const [waiting, setWaiting] = useState<Map<string, number>>(new Map());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (waiting.size === 0) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [waiting.size]);

  const markRead = useMutation(trpc.inbox.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() }) }));
  const undo = useMutation(
    trpc.inbox.undoReply.mutationOptions({
      onSuccess: () => {
        toast.success("Reply canceled");
        void queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const undoReply = (messageId: string) => undo.mutate({ id: conversationId, messageId });

  const lastInbound = thread.data?.conversation.lastInboundAt ? new Date(thread.data.conversation.lastInboundAt).getTime() : null;
  const { mutate: read } = markRead;
  useEffect(() => {
    if (lastInbound !== null) read({ id: conversationId });
  }, [conversationId, lastInbound, read]);

  const count = thread.data?.items.length ?? 0;
  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [count, conversationId]);

  if (thread.isError) return <div className="p-4"><LoadError error={thread.error} /></div>;
  if (thread.isPending) return <p className="p-4 text-sm text-zinc-500">Loading…</p>;
  const t = thread.data;
  const name = contactName(t.contact);
  const viewing = presence.teammates;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <header className="space-y-2 border-b border-zinc-200 p-3 dark:border-zinc-800">
        <div className="flex items-center gap-2">
          <Button variant="ghost" size="icon" className="md:hidden" onClick={onBack} aria-label="Back to conversations">
            <ArrowLeft className="h-5 w-5" aria-hidden />
          </Button>
          <div className="min-w-0 flex-1">
            <h2 className="truncate font-semibold" data-testid="thread-title">{name ?? t.contact.phone}</h2>
            <p className="flex items-center gap-2 text-xs text-zinc-500">
              {name && <span className="font-mono">{t.contact.phone}</span>}
              <ConsentBadge status={t.contact.consentStatus} />
              {t.conversation.status !== "OPEN" && <span>{t.conversation.status === "CLOSED" ? "Closed" : "Snoozed"}</span>}
            </p>
          </div>
          <Button variant="ghost" size="icon" className="xl:hidden" onClick={onDetails} aria-label="Contact details">
            <PanelRight className="h-5 w-5" aria-hidden />
          </Button>
        </div>
        <ThreadActions thread={t} me={me} />
        {viewing.length > 0 && (
          <p className="text-xs text-brand-700 dark:text-brand-100" role="status" data-testid="presence">
            {viewing.map((v) => `${v.name} is ${v.typing ? "typing…" : "viewing"}`).join(" · ")}
          </p>
        )}
      </header>
      <ol ref={scroller} className="min-h-0 flex-1 space-y-3 overflow-y-auto p-3" aria-label="Thread" data-testid="thread">
        {t.items.length === 0 && <li className="py-8 text-center text-sm text-zinc-500">No messages yet. Write the first one below.</li>}
        {t.items.map((entry) => {
          const goes = entry.type === "message" && entry.status === "SCHEDULED" ? waiting.get(entry.id) : undefined;
          const seconds = goes ? Math.ceil((goes - now) / 1000) : 0;
          return <ThreadEntryView key={`${entry.type}-${entry.id}`} entry={entry} undo={goes && seconds > 0 ? { seconds, onUndo: () => undoReply(entry.id) } : undefined} />;
        })}
      </ol>
      <ReplyBox
        ref={reply}
        thread={t}
        onTyping={presence.typing}
        onSent={(id) => setWaiting((w) => new Map(w).set(id, Date.now() + UNDO_SECONDS * 1000))}
        onUndo={undoReply}
      />
    </div>
  );
});
