"use client";
// "New phone": a number, checked by the server (the org's default country applies), then the phone.
import { useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import { phonePath } from "@/components/phones/phone-path";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { phoneThreadInput } from "@/lib/simulator/phone-input";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function NewPhoneButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="h-4 w-4" aria-hidden /> New phone
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="New virtual phone">
        <NewPhoneForm onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function NewPhoneForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [phone, setPhone] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = phoneThreadInput.safeParse({ phone });
    if (!parsed.success) {
      setErrors(zodFormErrors(parsed.error));
      return focusFirstInvalid(formRef.current);
    }
    setPending(true);
    try {
      // The thread query reads the number as the org does and says why when it cannot.
      const thread = await queryClient.fetchQuery(trpc.phones.thread.queryOptions(parsed.data));
      router.push(phonePath(thread.phone));
      onClose();
    } catch (error) {
      setErrors(formErrors(error));
      focusFirstInvalid(formRef.current);
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A phone of the simulator with this number. Text your organisation from it; what your simulator senders send to it shows up on its screen.
      </p>
      <Field label="Phone number" error={errors.fields.phone ?? errors.form} hint="Without +country code it is read in the organisation's default country">
        <Input value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" autoComplete="off" placeholder="e.g. +1 415 555 0142" />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          Open phone
        </Button>
      </div>
    </form>
  );
}
