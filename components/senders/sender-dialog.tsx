"use client";
// Add or edit a sender number: its kind and address, the connection it sends through, its pace.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { CARRIER_KIND_LABELS } from "@/lib/delivery/connection-input";
import type { SenderKind } from "@/lib/generated/prisma/enums";
import { createSenderInput, SENDER_KIND_LABELS, SENDER_KINDS } from "@/lib/senders/sender-input";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export interface EditableSender {
  id: string;
  kind: SenderKind;
  address: string;
  connectionId: string;
  throughput: number;
  mmsEnabled: boolean;
  label: string | null;
}

const ADDRESS_HINTS: Record<SenderKind, string> = {
  LONG_CODE: "A phone number; without +country code it is read in the organisation's default country",
  TOLL_FREE: "A toll-free number, e.g. +1 833 555 0100",
  SHORT_CODE: "3 to 8 digits",
  ALPHANUMERIC: "1 to 11 letters, digits or spaces, with at least one letter; recipients cannot reply",
};

export function SenderDialog({ open, sender, onClose }: { open: boolean; sender: EditableSender | null; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={sender ? `Edit ${sender.address}` : "New sender"}>
      <SenderForm sender={sender} onClose={onClose} />
    </Dialog>
  );
}

function SenderForm({ sender, onClose }: { sender: EditableSender | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const connections = useQuery(trpc.carriers.connections.list.queryOptions());
  const [values, setValues] = useState({
    kind: sender?.kind ?? ("LONG_CODE" as SenderKind),
    address: sender?.address ?? "",
    connectionId: sender?.connectionId ?? "",
    throughput: String(sender?.throughput ?? 10),
    mmsEnabled: sender?.mmsEnabled ?? false,
    label: sender?.label ?? "",
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const done = async (saved: { address: string }) => {
    toast.success(sender ? `Saved ${saved.address}` : `Added ${saved.address}`);
    onClose();
    await queryClient.invalidateQueries({ queryKey: trpc.carriers.pathKey() });
  };
  const create = useMutation(trpc.carriers.senders.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.carriers.senders.update.mutationOptions({ onSuccess: done }));
  const pending = create.isPending || update.isPending;
  // The first connection until one is chosen.
  const connectionId = values.connectionId || connections.data?.[0]?.id || "";

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const throughput = values.throughput.trim() === "" ? NaN : Number(values.throughput);
    const parsed = createSenderInput.safeParse({ ...values, connectionId, throughput });
    if (!parsed.success) {
      setErrors(zodFormErrors(parsed.error));
      return focusFirstInvalid(formRef.current);
    }
    setErrors(NO_ERRORS);
    const onError = (error: unknown) => {
      setErrors(formErrors(error));
      focusFirstInvalid(formRef.current);
    };
    if (sender) update.mutate({ id: sender.id, ...parsed.data }, { onError });
    else create.mutate(parsed.data, { onError });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Kind" error={errors.fields.kind}>
          <Select value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value as SenderKind })}>
            {SENDER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {SENDER_KIND_LABELS[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Number or sender ID" error={errors.fields.address} hint={ADDRESS_HINTS[values.kind]}>
          <Input value={values.address} onChange={(e) => setValues({ ...values, address: e.target.value })} autoComplete="off" />
        </Field>
        <Field label="Connection" error={errors.fields.connectionId}>
          <Select value={connectionId} onChange={(e) => setValues({ ...values, connectionId: e.target.value })} disabled={!connections.data}>
            {connections.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({CARRIER_KIND_LABELS[c.kind]})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Throughput (messages per second)" error={errors.fields.throughput} hint="The pace the dispatcher sends from this sender at">
          <Input inputMode="numeric" value={values.throughput} onChange={(e) => setValues({ ...values, throughput: e.target.value })} />
        </Field>
        <Field label="Label" error={errors.fields.label} hint="Optional, e.g. Support line">
          <Input value={values.label} onChange={(e) => setValues({ ...values, label: e.target.value })} autoComplete="off" />
        </Field>
        <label className="flex items-center gap-2 self-center text-sm font-medium text-zinc-700 dark:text-zinc-300">
          <input
            type="checkbox"
            checked={values.mmsEnabled}
            onChange={(e) => setValues({ ...values, mmsEnabled: e.target.checked })}
            className="h-4 w-4 rounded border-zinc-300 accent-brand-600"
          />
          Sends MMS (pictures, video, audio)
        </label>
      </div>
      <FormError>{errors.form}</FormError>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {sender ? "Save sender" : "Add sender"}
        </Button>
      </div>
    </form>
  );
}
