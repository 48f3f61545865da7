"use client";
// The phone's keyboard: a text to one of the org's simulator senders, with its segment count.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SendHorizontal } from "lucide-react";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { segmentMessage } from "@/lib/sms/segments";
import { formErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function ReplyBox({ phone, senderId, disabledReason }: { phone: string; senderId: string; disabledReason: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const reply = useMutation(
    trpc.phones.reply.mutationOptions({
      onSuccess: async () => {
        setBody("");
        await queryClient.invalidateQueries({ queryKey: trpc.phones.pathKey() });
      },
    }),
  );
  const segmented = segmentMessage(body);
  const error = reply.error ? formErrors(reply.error) : null;

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (!body.trim() || disabledReason || reply.isPending) return;
    reply.mutate({ phone, senderId, body });
  }

  // Enter sends, as on a phone; Shift+Enter starts a new line.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form onSubmit={send} className="border-t border-zinc-200 p-3 dark:border-zinc-800">
      {disabledReason ? (
        <p className="text-center text-xs text-zinc-500">{disabledReason}</p>
      ) : (
        <>
          <div className="flex items-end gap-2">
            <Textarea
              aria-label="Text message"
              placeholder="Text message"
              rows={1}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              onKeyDown={onKeyDown}
              className="max-h-32 min-h-9 resize-none rounded-2xl [field-sizing:content]"
            />
            <Button type="submit" size="icon" className="shrink-0 rounded-full" aria-label="Send" loading={reply.isPending} disabled={!body.trim()}>
              {!reply.isPending && <SendHorizontal className="h-4 w-4" aria-hidden />}
            </Button>
          </div>
          <p className="mt-1 px-1 text-[11px] text-zinc-500" aria-live="polite">
            {body ? `${segmented.segmentCount} ${segmented.segmentCount === 1 ? "segment" : "segments"} · ${segmented.encoding}` : "Try HELP, STOP or START"}
          </p>
          <FormError>{error && (Object.values(error.fields)[0] ?? error.form)}</FormError>
        </>
      )}
    </form>
  );
}
