"use client";
// A conversation's controls: who has it, close / reopen, snooze (an hour, tomorrow morning, next
// week, or until the contact's next text), and its labels.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import type { Thread } from "@/components/inbox/inbox-types";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

function snoozeChoices(now = new Date()) {
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  const nextWeek = new Date(tomorrow);
  nextWeek.setDate(tomorrow.getDate() + ((8 - tomorrow.getDay()) % 7 || 7) - 1);
  return [
    { key: "reply", label: "Until they reply", until: null },
    { key: "1h", label: "1 hour", until: new Date(now.getTime() + 3_600_000) },
    { key: "tomorrow", label: "Tomorrow 9:00", until: tomorrow },
    { key: "week", label: "Next Monday 9:00", until: nextWeek },
  ];
}

export function useConversationMutations(conversationId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
  const onError = (error: unknown) => toast.error(errorMessage(error));
  return {
    assign: useMutation(trpc.inbox.assign.mutationOptions({ onSuccess: refresh, onError })),
    setStatus: useMutation(trpc.inbox.setStatus.mutationOptions({ onSuccess: refresh, onError })),
    setLabels: useMutation(trpc.inbox.setLabels.mutationOptions({ onSuccess: refresh, onError })),
    id: conversationId,
  };
}

export function ThreadActions({ thread, me }: { thread: Thread; me: string | null }) {
  const trpc = useTRPC();
  const teammates = useQuery(trpc.inbox.teammates.queryOptions()).data ?? [];
  const m = useConversationMutations(thread.conversation.id);
  const c = thread.conversation;
  const [label, setLabel] = useState("");

  function addLabel(event: FormEvent) {
    event.preventDefault();
    const l = label.trim();
    if (!l) return;
    m.setLabels.mutate({ id: c.id, labels: [...c.labels, l] }, { onSuccess: () => setLabel("") });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Select
          aria-label="Assignee"
          className="h-8 w-48 py-0 text-sm"
          value={c.assignee?.id ?? ""}
          onChange={(e) => m.assign.mutate({ id: c.id, userId: e.target.value || null })}
        >
          <option value="">Unassigned</option>
          {/* Until the teammates load, the one who has it. */}
          {c.assignee && !teammates.some((t) => t.id === c.assignee!.id) && <option value={c.assignee.id}>{c.assignee.name}</option>}
          {teammates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.id === me ? `${t.name} (me)` : t.name}
            </option>
          ))}
        </Select>
        {c.status === "CLOSED" ? (
          <Button size="sm" variant="secondary" onClick={() => m.setStatus.mutate({ id: c.id, status: "OPEN" })}>
            Reopen
          </Button>
        ) : (
          <Button size="sm" variant="secondary" onClick={() => m.setStatus.mutate({ id: c.id, status: "CLOSED" })} title="Close (e)">
            Close
          </Button>
        )}
        {c.status === "SNOOZED" ? (
          <Button size="sm" variant="ghost" onClick={() => m.setStatus.mutate({ id: c.id, status: "OPEN" })}>
            Unsnooze
          </Button>
        ) : (
          <Select
            aria-label="Snooze"
            title="A text from the contact wakes it early"
            className="h-8 w-32 py-0 text-sm"
            value=""
            onChange={(e) => {
              const choice = snoozeChoices().find((s) => s.key === e.target.value);
              if (choice) m.setStatus.mutate({ id: c.id, status: "SNOOZED", until: choice.until });
            }}
          >
            <option value="">Snooze…</option>
            {/* A text from the contact wakes any of them. */}
            {snoozeChoices().map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </Select>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        {c.labels.map((l) => (
          <span key={l} className="inline-flex items-center gap-1 rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">
            {l}
            <button type="button" aria-label={`Remove label ${l}`} onClick={() => m.setLabels.mutate({ id: c.id, labels: c.labels.filter((x) => x !== l) })}>
              <X className="h-3 w-3" aria-hidden />
            </button>
          </span>
        ))}
        <form onSubmit={addLabel}>
          <Input aria-label="Add a label" placeholder="+ label" value={label} onChange={(e) => setLabel(e.target.value)} className="h-7 w-28 px-2 text-xs" maxLength={40} />
        </form>
      </div>
    </div>
  );
}
