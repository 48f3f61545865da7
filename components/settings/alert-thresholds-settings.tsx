"use client";
// The dashboard's deliverability alerts: over 7 days, failures or opt-outs above these shares of the
// messages sent. Admins edit (audited); members read the same form, disabled.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import { Section, SectionCard } from "@/components/settings/section";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LoadError, Loading } from "@/components/ui/query-state";
import { updateAlertThresholdsInput } from "@/lib/analytics/dashboard-input";
import { hasRole } from "@/lib/members/roles";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

// Percent as typed, to basis points: "1.3" -> 130; NaN for anything else.
const toBps = (text: string) => (/^\d{1,3}(\.\d{1,2})?$/.test(text.trim()) ? Math.round(Number(text) * 100) : Number.NaN);
const toPercent = (bps: number) => String(bps / 100);

export function AlertThresholdsSettings() {
  const trpc = useTRPC();
  const org = useQuery(trpc.org.current.queryOptions());
  const alerts = useQuery(trpc.analytics.alerts.queryOptions());
  return (
    <Section title="Alerts" description="The dashboard warns when, over the last 7 days, failures or opt-outs pass these shares of the messages sent.">
      <SectionCard>
        {org.isPending || alerts.isPending ? (
          <Loading />
        ) : org.isError || alerts.isError ? (
          <LoadError error={(org.error ?? alerts.error)!} />
        ) : (
          <ThresholdsForm
            initial={{ failures: toPercent(alerts.data.thresholds.failureAlertBps), optOuts: toPercent(alerts.data.thresholds.optOutAlertBps) }}
            canEdit={hasRole(org.data.role, "ADMIN")}
          />
        )}
      </SectionCard>
    </Section>
  );
}

function ThresholdsForm({ initial, canEdit }: { initial: { failures: string; optOuts: string }; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const save = useMutation(
    trpc.analytics.updateAlertThresholds.mutationOptions({
      onSuccess: async () => {
        toast.success("Alert thresholds saved");
        await queryClient.invalidateQueries({ queryKey: trpc.analytics.alerts.queryKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateAlertThresholdsInput.safeParse({ failureAlertBps: toBps(values.failures), optOutAlertBps: toBps(values.optOuts) });
    if (!parsed.success) {
      setErrors(zodFormErrors(parsed.error));
      return focusFirstInvalid(formRef.current);
    }
    setErrors(NO_ERRORS);
    save.mutate(parsed.data, {
      onError: (error) => {
        setErrors(formErrors(error));
        focusFirstInvalid(formRef.current);
      },
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Failures above (% of sent)" hint="Klaviyo's rule of thumb: 5%." error={errors.fields.failureAlertBps}>
          <Input inputMode="decimal" value={values.failures} disabled={!canEdit} onChange={(e) => setValues({ ...values, failures: e.target.value })} />
        </Field>
        <Field label="Opt-outs above (% of sent)" hint="Klaviyo's rule of thumb: 1.3%." error={errors.fields.optOutAlertBps}>
          <Input inputMode="decimal" value={values.optOuts} disabled={!canEdit} onChange={(e) => setValues({ ...values, optOuts: e.target.value })} />
        </Field>
      </div>
      <FormError>{errors.form}</FormError>
      {canEdit ? (
        <Button type="submit" loading={save.isPending}>
          Save thresholds
        </Button>
      ) : (
        <p className="text-xs text-zinc-500">Only admins and owners change the thresholds.</p>
      )}
    </form>
  );
}
