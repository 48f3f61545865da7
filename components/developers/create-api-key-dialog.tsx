"use client";
// Creating a key: a name, its scopes (from the one scope list), an optional expiry. The token is
// shown once, here, after creation: the server keeps only its hash.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxGroup, Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createApiKeyInput } from "@/lib/api-keys/api-key-input";
import { API_SCOPES, type ApiScope } from "@/lib/api-keys/scopes";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>(["messages:send", "messages:read"]);
  const [expires, setExpires] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async ({ key, token }) => {
        setCreated({ name: key.name, token });
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );

  function close() {
    setName("");
    setExpires("");
    setErrors(NO_ERRORS);
    setCreated(null);
    onClose();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // A date picked is the end of that day in the viewer's zone: the key works through it.
    const expiresAt = expires ? new Date(`${expires}T23:59:59`) : undefined;
    const parsed = createApiKeyInput.safeParse({ name, scopes, expiresAt });
    if (!parsed.success) {
      setErrors(zodFormErrors(parsed.error));
      return focusFirstInvalid(formRef.current);
    }
    setErrors(NO_ERRORS);
    create.mutate(parsed.data, {
      onError: (error) => {
        setErrors(formErrors(error));
        focusFirstInvalid(formRef.current);
      },
    });
  }

  return (
    <Dialog open={open} onClose={close} title={created ? `API key ${created.name} created` : "Create an API key"}>
      {created ? (
        <div className="space-y-4">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Copy the key now and keep it somewhere safe, such as your server&apos;s secret store. It is shown only this once; if
            it gets lost, revoke it and create another.
          </p>
          <CopyField label="API key" value={created.token} copiedMessage="API key copied" />
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Create an API key" className="space-y-4">
          <Field label="Name" hint="What uses the key, so you know which to revoke." error={errors.fields.name}>
            <Input name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />
          </Field>
          <CheckboxGroup
            legend="Scopes"
            options={API_SCOPES.map(({ scope, label, description }) => ({
              value: scope,
              label: (
                <>
                  <span className="font-medium">{label}</span> <code className="text-xs text-zinc-500">{scope}</code>
                  <span className="block text-xs text-zinc-500">{description}</span>
                </>
              ),
            }))}
            selected={scopes}
            onChange={setScopes}
            error={errors.fields.scopes}
          />
          <Field label="Expires (optional)" hint="The key stops working after this day. Leave empty to keep it until revoked." error={errors.fields.expiresAt}>
            <Input name="expires" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
          </Field>
          <FormError>{errors.form}</FormError>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create key
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
