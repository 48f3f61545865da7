"use client";
// "New message": to, from (one of the org's senders), the compose box (merge fields checked as
// typed, previewed as a contact gets them), marketing or transactional (owners and admins only),
// and an optional send time; sends through messages.send and refreshes the log (and a contact's
// messages: the same procedure). A contact's page opens it with their number in To.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { formatDateTime } from "@/components/app/format";
import { focusFirstInvalid, zodFormErrors } from "@/components/app/form-state";
import { ComposeBox, EMPTY_COMPOSE, type ComposeValue } from "@/components/messaging/compose-box";
import { DEFAULT_SEND_OPTIONS, SendOptions, type SendOptionsValue } from "@/components/messaging/send-options";
import { SendPreview, useComposePreview } from "@/components/messaging/send-preview";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { senderLabel } from "@/components/senders/sender-label";
import { sendMessageInput, type SendMessageInput } from "@/lib/messaging/message-input";
import { mayChooseTransactional } from "@/lib/messaging/transactional";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const SHOWN_FIELDS = new Set(["to", "from", "body", "sendAt"]);

export function NewMessagePanel({ onClose, to: initialTo = "" }: { onClose: () => void; to?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const senders = useQuery(trpc.messages.senders.queryOptions());
  const [to, setTo] = useState(initialTo);
  const [from, setFrom] = useState("");
  const [compose, setCompose] = useState<ComposeValue>(EMPTY_COMPOSE);
  const [options, setOptions] = useState<SendOptionsValue>(DEFAULT_SEND_OPTIONS);
  const [clientErrors, setClientErrors] = useState<FormErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const allowTransactional = mayChooseTransactional(useQuery(trpc.org.current.queryOptions()).data?.role);

  const send = useMutation(
    trpc.messages.send.mutationOptions({
      onSuccess: async (message) => {
        toast.success(message.status === "SCHEDULED" && message.sendAt ? `Scheduled for ${formatDateTime(message.sendAt)}` : `Message to ${message.to} queued`);
        setCompose((c) => ({ ...c, body: "", media: [] }));
        setOptions((o) => ({ ...o, scheduled: false, sendAt: "" }));
        await queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() });
      },
    }),
  );
  useEffect(() => {
    if (send.error) focusFirstInvalid(formRef.current);
  }, [send.error]);

  const senderList = senders.data ?? [];
  const fromId = from || senderList[0]?.id || "";
  const sender = senderList.find((s) => s.id === fromId);
  const preview = useComposePreview(to, fromId, compose);
  const errors = clientErrors ?? formErrors(send.error);
  const stray = Object.entries(errors.fields).find(([name]) => !SHOWN_FIELDS.has(name))?.[1];
  // Said before sending; the server refuses it the same way.
  const noMms = compose.media.length > 0 && sender && (!sender.mmsEnabled || sender.connection.kind === "SMPP");

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (options.scheduled && !options.sendAt) {
      setClientErrors({ fields: { sendAt: "Choose when to send it" }, form: null });
      focusFirstInvalid(formRef.current);
      return;
    }
    if (preview.templateError) {
      setClientErrors({ fields: { body: preview.templateError }, form: null });
      focusFirstInvalid(formRef.current);
      return;
    }
    const input: SendMessageInput = {
      to,
      ...(fromId && { from: fromId }),
      body: compose.body,
      mediaIds: compose.media.map((m) => m.id),
      smartEncoding: compose.smartEncoding,
      shortenLinks: compose.shortenLinks,
      marketing: options.marketing || !allowTransactional,
      ...(options.scheduled && { sendAt: new Date(options.sendAt) }),
    };
    const parsed = sendMessageInput.safeParse(input);
    if (!parsed.success) {
      setClientErrors(zodFormErrors(parsed.error));
      focusFirstInvalid(formRef.current);
      return;
    }
    setClientErrors(null);
    send.mutate(input);
  }

  return (
    <Card className="mb-6 p-5">
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-label="New message">
        <h2 className="text-base font-semibold">New message</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="To" hint="A phone number; without + the organisation's default country is used" error={errors.fields.to}>
            <Input name="to" type="tel" autoComplete="off" className="font-mono" placeholder="e.g. +14155550123" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <Field
            label="From"
            hint={senders.isSuccess && senderList.length === 0 ? "No sender numbers yet: an admin adds them in Settings." : undefined}
            error={errors.fields.from ?? (noMms ? `${sender.address} cannot send MMS: remove the media or choose another number` : undefined)}
          >
            <Select name="from" value={fromId} disabled={senderList.length === 0} onChange={(e) => setFrom(e.target.value)}>
              {senders.isPending && <option value="">Loading…</option>}
              {senderList.map((s) => (
                <option key={s.id} value={s.id}>
                  {senderLabel(s)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <ComposeBox
          value={compose}
          onChange={(value) => {
            setCompose(value);
            if (clientErrors?.fields.body) setClientErrors(null);
          }}
          onSubmit={() => submit()}
          error={preview.templateError ?? errors.fields.body}
          disabled={send.isPending}
          counted={preview.counted}
        />
        {preview.templated && !preview.templateError && <SendPreview preview={preview.preview} waiting={preview.waiting} onPreviewAs={preview.setPreviewAs} />}
        <SendOptions
          value={options}
          onChange={setOptions}
          sendAtError={errors.fields.sendAt}
          allowTransactional={allowTransactional}
          optedOut={preview.optedOut}
        />
        <FormError>{errors.form ?? stray}</FormError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
          <Button type="submit" loading={send.isPending} disabled={senderList.length === 0}>
            {options.scheduled ? "Schedule" : "Send"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
