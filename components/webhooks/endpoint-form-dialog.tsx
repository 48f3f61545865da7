"use client";
// Creating or editing an endpoint: URL, description, the events it gets (from the one list). After
// creation the signing secret is shown here, once.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxGroup, Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";
import { createEndpointInput } from "@/lib/webhooks/endpoint-input";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/event-types";
import type { EndpointView } from "@/lib/webhooks/manage-endpoints";

export function EndpointFormDialog({ open, onClose, endpoint }: { open: boolean; onClose: () => void; endpoint?: EndpointView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [url, setUrl] = useState(endpoint?.url ?? "");
  const [description, setDescription] = useState(endpoint?.description ?? "");
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>((endpoint?.eventTypes as WebhookEventType[]) ?? ["message.delivered", "message.undelivered", "message.failed"]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.endpoints.pathKey() });
  const create = useMutation(trpc.webhooks.endpoints.create.mutationOptions({ onSuccess: async (created) => (setSecret(created.secret), await refresh()) }));
  const update = useMutation(trpc.webhooks.endpoints.update.mutationOptions({ onSuccess: async () => (await refresh(), close()) }));

  function close() {
    setErrors(NO_ERRORS);
    setSecret(null);
    if (!endpoint) {
      setUrl("");
      setDescription("");
    }
    onClose();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = createEndpointInput.safeParse({ url, description, eventTypes });
    if (!parsed.success) {
      setErrors(zodFormErrors(parsed.error));
      return focusFirstInvalid(formRef.current);
    }
    setErrors(NO_ERRORS);
    const onError = (error: Parameters<typeof formErrors>[0]) => {
      setErrors(formErrors(error));
      focusFirstInvalid(formRef.current);
    };
    if (endpoint) update.mutate({ id: endpoint.id, ...parsed.data }, { onError });
    else create.mutate(parsed.data, { onError });
  }

  const title = secret ? "Endpoint created" : endpoint ? "Edit the endpoint" : "Add an endpoint";
  return (
    <Dialog open={open} onClose={close} title={title}>
      {secret ? (
        <div className="space-y-4">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Your code verifies each request with this signing secret (Standard Webhooks: any of its libraries, e.g. the{" "}
            <code>standardwebhooks</code> npm package). Copy it now: it is shown only this once. &quot;Rotate secret&quot; makes a new one.
          </p>
          <CopyField label="Signing secret" value={secret} copiedMessage="Signing secret copied" />
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={title} className="space-y-4">
          <Field label="URL" hint="Where we POST the events: https, on a public address." error={errors.fields.url}>
            <Input name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/webhooks/textstack" required />
          </Field>
          <Field label="Description (optional)" error={errors.fields.description}>
            <Input name="description" value={description} onChange={(e) => setDescription(e.target.value)} autoComplete="off" />
          </Field>
          <CheckboxGroup
            legend="Events"
            className="grid grid-cols-2 gap-2"
            options={WEBHOOK_EVENT_TYPES.map((type) => ({
              value: type,
              label: (
                <>
                  {WEBHOOK_EVENT_LABELS[type]} <code className="block text-xs text-zinc-500">{type}</code>
                </>
              ),
            }))}
            selected={eventTypes}
            onChange={setEventTypes}
            error={errors.fields.eventTypes}
          />
          <FormError>{errors.form}</FormError>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {endpoint ? "Save" : "Add endpoint"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
