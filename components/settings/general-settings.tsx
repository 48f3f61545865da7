"use client";
// General settings: admins edit the org's name and default country; members see them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import type { CountryOption } from "@/components/orgs/country-options";
import { CountrySelect } from "@/components/orgs/country-select";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Section, SectionCard } from "@/components/settings/section";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { hasRole } from "@/lib/members/roles";
import { updateOrgInput } from "@/lib/orgs/org-input";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

interface OrgValues {
  name: string;
  defaultCountry: string;
}

export function GeneralSettings({ countries }: { countries: CountryOption[] }) {
  const trpc = useTRPC();
  const org = useQuery(trpc.org.current.queryOptions());
  return (
    <Section title="General" description="The organisation's name, and the country assumed for numbers written without +country code.">
      <SectionCard>
        {org.isPending ? (
          <Loading />
        ) : org.isError ? (
          <LoadError error={org.error} />
        ) : hasRole(org.data.role, "ADMIN") ? (
          <GeneralForm initial={org.data} countries={countries} />
        ) : (
          <ReadOnly org={org.data} countries={countries} />
        )}
      </SectionCard>
    </Section>
  );
}

function ReadOnly({ org, countries }: { org: OrgValues; countries: CountryOption[] }) {
  const country = countries.find((c) => c.code === org.defaultCountry);
  return (
    <>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium text-zinc-500">Organisation name</dt>
        <dd>{org.name}</dd>
        <dt className="font-medium text-zinc-500">Default country</dt>
        <dd>{country ? `${country.name} (${country.code})` : org.defaultCountry}</dd>
      </dl>
      <p className="mt-4 text-xs text-zinc-500">Only admins and owners can change these.</p>
    </>
  );
}

function GeneralForm({ initial, countries }: { initial: OrgValues; countries: CountryOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<OrgValues>({ name: initial.name, defaultCountry: initial.defaultCountry });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const update = useMutation(
    trpc.org.update.mutationOptions({
      onSuccess: async (saved) => {
        // Show what was stored (the name is trimmed), keeping the form mounted so focus stays put.
        setValues({ name: saved.name, defaultCountry: saved.defaultCountry });
        toast.success("Settings saved");
        await queryClient.invalidateQueries({ queryKey: trpc.org.pathKey() });
        // The sidebar's organisation switcher is rendered on the server.
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateOrgInput.safeParse(values);
    if (!parsed.success) {
      setErrors(zodFormErrors(parsed.error));
      return focusFirstInvalid(formRef.current);
    }
    setErrors(NO_ERRORS);
    update.mutate(parsed.data, {
      onError: (error) => {
        setErrors(formErrors(error));
        focusFirstInvalid(formRef.current);
      },
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      <Field label="Organisation name" error={errors.fields.name}>
        <Input name="name" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} required />
      </Field>
      <Field
        label="Default country"
        error={errors.fields.defaultCountry}
        hint="Numbers typed or imported without +country code are read as numbers of this country"
      >
        <CountrySelect
          name="defaultCountry"
          countries={countries}
          value={values.defaultCountry}
          onChange={(e) => setValues({ ...values, defaultCountry: e.target.value })}
        />
      </Field>
      <FormError>{errors.form}</FormError>
      <Button type="submit" loading={update.isPending}>
        Save changes
      </Button>
    </form>
  );
}
