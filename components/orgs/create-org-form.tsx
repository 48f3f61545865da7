"use client";
// Onboarding: create an organisation, make it the active one, and go to the dashboard.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import type { CountryOption } from "@/components/orgs/country-options";
import { CountrySelect } from "@/components/orgs/country-select";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { switchOrgAction } from "@/lib/auth/actions";
import { createOrgInput } from "@/lib/orgs/org-input";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function CreateOrgForm({ countries }: { countries: CountryOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [defaultCountry, setDefaultCountry] = useState("US");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  // Stays true through the org switch and navigation, so the button cannot be pressed twice.
  const [busy, setBusy] = useState(false);
  const create = useMutation(trpc.org.create.mutationOptions());

  function fail(next: FormErrors) {
    setErrors(next);
    setBusy(false);
    focusFirstInvalid(formRef.current);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = createOrgInput.safeParse({ name, defaultCountry });
    if (!parsed.success) return fail(zodFormErrors(parsed.error));
    setErrors(NO_ERRORS);
    setBusy(true);
    try {
      const org = await create.mutateAsync(parsed.data);
      await switchOrgAction(org.id);
      // Cached queries belong to the previous org.
      queryClient.clear();
      toast.success(`Created ${org.name}`);
      router.push("/contacts");
      router.refresh();
    } catch (error) {
      fail(formErrors(error));
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="Organisation name" error={errors.fields.name} hint="Your company or brand, as your team knows it">
        <Input name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="organization" autoFocus required />
      </Field>
      <Field
        label="Default country"
        error={errors.fields.defaultCountry}
        hint="Phone numbers entered without a +country code are read as numbers of this country"
      >
        <CountrySelect name="defaultCountry" countries={countries} value={defaultCountry} onChange={(e) => setDefaultCountry(e.target.value)} />
      </Field>
      <FormError>{errors.form}</FormError>
      <Button type="submit" className="w-full justify-center" loading={busy}>
        Create organisation
      </Button>
    </form>
  );
}
