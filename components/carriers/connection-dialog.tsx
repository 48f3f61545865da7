"use client";
// Add or edit a carrier connection: name, kind (fixed once created), the kind's settings, prices.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, NO_ERRORS } from "@/components/app/form-state";
import { ConfigFields } from "@/components/carriers/config-fields";
import {
  connectionPayload,
  connectionValues,
  newConnectionValues,
  type ConnectionFormValues,
} from "@/components/carriers/connection-form-values";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { CARRIER_KIND_LABELS, CARRIER_KINDS } from "@/lib/delivery/connection-input";
import type { ConnectionView } from "@/lib/delivery/manage-connections";
import type { CarrierKind } from "@/lib/generated/prisma/enums";
import { CURRENCY } from "@/lib/money";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

/** `connection` null: a new one. The dialog mounts its form only while open, so each opening starts fresh. */
export function ConnectionDialog({ open, connection, onClose }: { open: boolean; connection: ConnectionView | null; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={connection ? `Edit ${connection.name}` : "New connection"}>
      <ConnectionForm connection={connection} onClose={onClose} />
    </Dialog>
  );
}

function ConnectionForm({ connection, onClose }: { connection: ConnectionView | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ConnectionFormValues>(() => (connection ? connectionValues(connection) : newConnectionValues()));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const done = async (saved: ConnectionView) => {
    toast.success(connection ? `Saved ${saved.name}` : `Added ${saved.name}${saved.kind === "TWILIO" ? ": paste its webhook URLs into Twilio" : ""}`);
    onClose();
    await queryClient.invalidateQueries({ queryKey: trpc.carriers.pathKey() });
  };
  const create = useMutation(trpc.carriers.connections.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.carriers.connections.update.mutationOptions({ onSuccess: done }));
  const pending = create.isPending || update.isPending;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const payload = connectionPayload(values);
    if (!payload.ok) {
      setErrors({ fields: payload.fields, form: null });
      return focusFirstInvalid(formRef.current);
    }
    setErrors(NO_ERRORS);
    const onError = (error: unknown) => {
      setErrors(formErrors(error));
      focusFirstInvalid(formRef.current);
    };
    if (connection) update.mutate({ id: connection.id, ...payload.input }, { onError });
    else create.mutate({ kind: values.kind, ...payload.input }, { onError });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={errors.fields.name}>
          <Input value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} placeholder="e.g. Twilio US" autoComplete="off" />
        </Field>
        <Field label="Kind" error={errors.fields.kind} hint={connection ? "Fixed once created" : undefined}>
          <Select
            value={values.kind}
            disabled={connection !== null}
            onChange={(e) => setValues({ ...newConnectionValues(e.target.value as CarrierKind), name: values.name })}
          >
            {CARRIER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CARRIER_KIND_LABELS[kind]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <ConfigFields
        kind={values.kind}
        values={values.config}
        secretsSet={connection?.secretsSet ?? []}
        errors={errors.fields}
        onChange={(config) => setValues({ ...values, config })}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Price per SMS segment" error={errors.fields.smsPriceMicros} hint={`In ${CURRENCY}, e.g. 0.0079`}>
          <Input inputMode="decimal" value={values.smsPrice} onChange={(e) => setValues({ ...values, smsPrice: e.target.value })} />
        </Field>
        <Field label="Price per MMS" error={errors.fields.mmsPriceMicros} hint={`In ${CURRENCY}, e.g. 0.02`}>
          <Input inputMode="decimal" value={values.mmsPrice} onChange={(e) => setValues({ ...values, mmsPrice: e.target.value })} />
        </Field>
      </div>
      <FormError>{errors.form ?? errors.fields.config}</FormError>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {connection ? "Save connection" : "Add connection"}
        </Button>
      </div>
    </form>
  );
}
