"use client";
// Sending rules: when campaigns may text (the org's window in each recipient's own time, inside the
// law's 08:00-21:00), how many marketing texts one person gets a day, and the opt-out language.
// Admins edit; members read the same form, disabled.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import { Section, SectionCard } from "@/components/settings/section";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { LoadError, Loading } from "@/components/ui/query-state";
import { hasRole } from "@/lib/members/roles";
import { DEFAULT_OPT_OUT_LANGUAGE, MAX_DAILY_CAP, MIN_WINDOW_MINUTES, updateSendingRulesInput } from "@/lib/orgs/sending-rules-input";
import { clockTime, DEFAULT_WINDOW, STATE_DAILY_CAPS, STATE_WINDOWS } from "@/lib/sms/quiet-hours";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

interface Values {
  quietStart: number;
  quietEnd: number;
  /** "" is no cap of the org's own. */
  cap: string;
  optOutLanguage: string;
}

const STEP = 15;
const times = (from: number, to: number) => Array.from({ length: (to - from) / STEP + 1 }, (_, i) => from + i * STEP);
// The latest start leaves an hour in the states that end at 20:00 (the input refuses later ones).
const STARTS = times(DEFAULT_WINDOW.start, Math.min(...Object.values(STATE_WINDOWS).map((w) => w.end)) - MIN_WINDOW_MINUTES);
const ENDS = times(DEFAULT_WINDOW.start + MIN_WINDOW_MINUTES, DEFAULT_WINDOW.end);
const CAPS = Array.from({ length: MAX_DAILY_CAP }, (_, i) => i + 1);

// Non-breaking hyphens: a range never wraps in the middle.
const range = (w: { start: number; end: number }) => `${clockTime(w.start)}\u2011${clockTime(w.end)}`;
const law = range(DEFAULT_WINDOW);
const stateWindowNames = Object.keys(STATE_WINDOWS).join(", ");
const stateCapNames = Object.keys(STATE_DAILY_CAPS).join(", ");

export function SendingRulesSettings() {
  const trpc = useTRPC();
  const org = useQuery(trpc.org.current.queryOptions());
  return (
    <Section
      title="Sending rules"
      description="Campaigns keep these rules for every recipient. Messages you send one at a time, and replies to keywords, are not held or capped."
    >
      <SectionCard>
        {org.isPending ? (
          <Loading />
        ) : org.isError ? (
          <LoadError error={org.error} />
        ) : (
          <RulesForm
            initial={{
              quietStart: org.data.quietStart,
              quietEnd: org.data.quietEnd,
              cap: org.data.marketingCapPer24h === null ? "" : String(org.data.marketingCapPer24h),
              optOutLanguage: org.data.optOutLanguage ?? "",
            }}
            canEdit={hasRole(org.data.role, "ADMIN")}
          />
        )}
      </SectionCard>
    </Section>
  );
}

function RulesForm({ initial, canEdit }: { initial: Values; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const save = useMutation(
    trpc.org.updateSendingRules.mutationOptions({
      onSuccess: async (saved) => {
        setValues({
          quietStart: saved.quietStart,
          quietEnd: saved.quietEnd,
          cap: saved.marketingCapPer24h === null ? "" : String(saved.marketingCapPer24h),
          optOutLanguage: saved.optOutLanguage ?? "",
        });
        toast.success("Sending rules saved");
        await queryClient.invalidateQueries({ queryKey: trpc.org.current.queryKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateSendingRulesInput.safeParse({
      quietStart: values.quietStart,
      quietEnd: values.quietEnd,
      marketingCapPer24h: values.cap === "" ? null : Number(values.cap),
      optOutLanguage: values.optOutLanguage,
    });
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
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Quiet hours</legend>
        <p className="text-xs text-zinc-500">
          Marketing texts go out only between these times in each recipient&apos;s own time zone; outside them they wait until the
          window opens, and are never dropped. US law allows {law}, and {range(STATE_WINDOWS.FL!)} for
          numbers in {stateWindowNames}: those limits always apply. You may narrow the window, not widen it.
        </p>
        <div className="grid gap-4 sm:max-w-md sm:grid-cols-2">
          <Field label="Send from" error={errors.fields.quietStart}>
            <Select name="quietStart" value={values.quietStart} disabled={!canEdit} onChange={(e) => setValues({ ...values, quietStart: Number(e.target.value) })}>
              {STARTS.map((m) => (
                <option key={m} value={m}>
                  {clockTime(m)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Until" error={errors.fields.quietEnd}>
            <Select name="quietEnd" value={values.quietEnd} disabled={!canEdit} onChange={(e) => setValues({ ...values, quietEnd: Number(e.target.value) })}>
              {ENDS.map((m) => (
                <option key={m} value={m}>
                  {clockTime(m)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </fieldset>
      <div className="sm:max-w-md">
        <Field
          label="Frequency cap"
          error={errors.fields.marketingCapPer24h}
          hint={`Recipients who already had this many marketing texts in the last 24 hours are skipped by a campaign, and counted. Numbers in ${stateCapNames} get at most ${STATE_DAILY_CAPS.FL} whatever you choose.`}
        >
          <Select name="marketingCapPer24h" value={values.cap} disabled={!canEdit} onChange={(e) => setValues({ ...values, cap: e.target.value })}>
            <option value="">No cap of our own</option>
            {CAPS.map((n) => (
              <option key={n} value={n}>
                {n === 1 ? "1 text a day" : `${n} texts a day`}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="sm:max-w-md">
        <Field
          label="Opt-out language"
          error={errors.fields.optOutLanguage}
          hint={`Added on a line of its own to the end of a campaign's text: by default to contacts who have never had a marketing text from you (their first), or to every recipient, as each campaign chooses. Must mention STOP. Blank: "${DEFAULT_OPT_OUT_LANGUAGE}"`}
        >
          <Input
            name="optOutLanguage"
            value={values.optOutLanguage}
            placeholder={DEFAULT_OPT_OUT_LANGUAGE}
            readOnly={!canEdit}
            onChange={(e) => setValues({ ...values, optOutLanguage: e.target.value })}
          />
        </Field>
      </div>
      <FormError>{errors.form}</FormError>
      {canEdit ? (
        <Button type="submit" loading={save.isPending}>
          Save rules
        </Button>
      ) : (
        <p className="text-xs text-zinc-500">Only admins and owners can change these.</p>
      )}
    </form>
  );
}
