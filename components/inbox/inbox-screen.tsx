"use client";
// The team inbox: the conversations (views, search, filters) beside the open thread and the
// contact's panel; on a phone the list and the thread are separate screens and the panel a sheet.
// Everything stays live (use-inbox-live.ts) and works from the keyboard (shortcuts.tsx).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Keyboard, MessageSquareQuote, Plus, Users, X } from "lucide-react";
import { useCallback, useRef, useState } from "react";
import { toast } from "sonner";
import { AutoAssignDialog } from "@/components/inbox/auto-assign-dialog";
import { ContactPanel } from "@/components/inbox/contact-panel";
import { ConversationList, SEARCH_INPUT_ID } from "@/components/inbox/conversation-list";
import type { ConversationListRow } from "@/components/inbox/inbox-types";
import { useInboxParams } from "@/components/inbox/inbox-params";
import { ShortcutsHelp, useShortcuts, type ShortcutKey } from "@/components/inbox/shortcuts";
import { NewConversationDialog } from "@/components/inbox/new-conversation-dialog";
import { SavedRepliesDialog } from "@/components/inbox/saved-replies-dialog";
import { ThreadView, type ThreadViewHandle } from "@/components/inbox/thread-view";
import { useInboxLive } from "@/components/inbox/use-inbox-live";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { hasRole } from "@/lib/members/roles";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function InboxScreen({ me }: { me: string }) {
  useInboxLive();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [params, setParams] = useInboxParams();
  const [help, setHelp] = useState(false);
  const [details, setDetails] = useState(false);
  const [dialog, setDialog] = useState<"new" | "saved" | "assign" | null>(null);
  const isAdmin = hasRole(useQuery(trpc.org.current.queryOptions()).data?.role, "ADMIN");
  const rows = useRef<ConversationListRow[]>([]);
  const thread = useRef<ThreadViewHandle>(null);
  const selected = params.conversationId;
  const open = useQuery(trpc.inbox.thread.queryOptions({ id: selected ?? "" }, { enabled: !!selected, retry: false })).data;

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
  const onError = (error: unknown) => toast.error(errorMessage(error));
  const setStatus = useMutation(trpc.inbox.setStatus.mutationOptions({ onSuccess: refresh, onError }));
  const assign = useMutation(trpc.inbox.assign.mutationOptions({ onSuccess: refresh, onError }));

  const onRows = useCallback((r: ConversationListRow[]) => {
    rows.current = r;
  }, []);

  const onKey = useCallback(
    (key: ShortcutKey) => {
      const list = rows.current;
      const at = list.findIndex((r) => r.id === selected);
      switch (key) {
        case "j":
        case "k": {
          const next = list[key === "j" ? at + 1 : Math.max(at - 1, 0)];
          if (next) setParams({ conversationId: next.id });
          break;
        }
        case "e":
          if (open) setStatus.mutate({ id: open.conversation.id, status: open.conversation.status === "CLOSED" ? "OPEN" : "CLOSED" });
          break;
        case "a":
          if (open) assign.mutate({ id: open.conversation.id, userId: me });
          break;
        case "r":
          thread.current?.focusReply();
          break;
        case "/":
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          break;
        case "?":
          setHelp(true);
          break;
      }
    },
    [selected, open, me, setParams, setStatus, assign],
  );
  useShortcuts(onKey);

  return (
    <div className="-mx-4 -my-6 flex h-[calc(100dvh-3.875rem)] flex-col md:-mx-8 md:h-dvh">
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-2 md:px-4 dark:border-zinc-800">
        <h1 className="text-lg font-semibold">Inbox</h1>
        <div className="flex items-center gap-1">
          <Button variant="secondary" size="sm" onClick={() => setDialog("new")} aria-label="New conversation">
            <Plus className="h-4 w-4" aria-hidden />
            <span className="hidden sm:inline">New conversation</span>
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setDialog("saved")} aria-label="Saved replies">
            <MessageSquareQuote className="h-4 w-4" aria-hidden />
            <span className="hidden sm:inline">Saved replies</span>
          </Button>
          {isAdmin && (
            <Button variant="ghost" size="sm" onClick={() => setDialog("assign")} aria-label="Auto-assignment">
              <Users className="h-4 w-4" aria-hidden />
              <span className="hidden sm:inline">Auto-assign</span>
            </Button>
          )}
          <Button variant="ghost" size="sm" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts (?)">
            <Keyboard className="h-4 w-4" aria-hidden />
            <span className="hidden sm:inline">Shortcuts</span>
          </Button>
        </div>
      </div>
      <div className="grid min-h-0 flex-1 md:grid-cols-[20rem_minmax(0,1fr)] xl:grid-cols-[20rem_minmax(0,1fr)_22rem]">
        <ConversationList params={params} setParams={setParams} onRows={onRows} className={cn(selected && "hidden md:flex")} />
        <section aria-label="Conversation" className={cn("min-h-0", !selected && "hidden md:block")}>
          {selected ? (
            <ThreadView ref={thread} key={selected} conversationId={selected} me={me} onBack={() => setParams({ conversationId: null })} onDetails={() => setDetails(true)} />
          ) : (
            <div className="flex h-full items-center justify-center p-6 text-center text-sm text-zinc-500">Pick a conversation, or press j. Press ? for the shortcuts.</div>
          )}
        </section>
        {open && (
          <aside
            aria-label="Contact"
            className={cn(
              "min-h-0 overflow-y-auto border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-950 xl:block xl:border-l",
              details ? "fixed inset-0 z-40 block md:left-auto md:w-[24rem] md:border-l md:shadow-xl" : "hidden",
            )}
          >
            <div className="mb-2 flex justify-end xl:hidden">
              <Button variant="ghost" size="icon" onClick={() => setDetails(false)} aria-label="Close contact details">
                <X className="h-5 w-5" aria-hidden />
              </Button>
            </div>
            <ContactPanel contactId={open.contact.id} items={open.items} consent={open.consentHistory} />
          </aside>
        )}
      </div>
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
      <NewConversationDialog
        open={dialog === "new"}
        onClose={() => setDialog(null)}
        onOpened={(id) => {
          setDialog(null);
          setParams({ conversationId: id });
        }}
      />
      <SavedRepliesDialog open={dialog === "saved"} onClose={() => setDialog(null)} />
      {isAdmin && <AutoAssignDialog open={dialog === "assign"} onClose={() => setDialog(null)} />}
    </div>
  );
}
