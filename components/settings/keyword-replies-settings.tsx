"use client";
// The replies to STOP, START and HELP. Blank uses the built-in wording (shown as the placeholder);
// each shows how many SMS segments the reply that will go out costs, as it is typed.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import { Section, SectionCard } from "@/components/settings/section";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { LoadError, Loading } from "@/components/ui/query-state";
import { hasRole } from "@/lib/members/roles";
import { HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from "@/lib/sms/compliance-keywords";
import { defaultKeywordReplies, type KeywordReplies } from "@/lib/messaging/keyword-replies";
import { updateKeywordRepliesInput } from "@/lib/messaging/keyword-replies-input";
import { segmentMessage } from "@/lib/sms/segments";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const REPLIES: { key: keyof KeywordReplies; label: string; keywords: readonly string[] }[] = [
  { key: "optOutReply", label: "Reply to opt-out", keywords: OPT_OUT_KEYWORDS },
  { key: "optInReply", label: "Reply to opt-in", keywords: OPT_IN_KEYWORDS },
  { key: "helpReply", label: "Reply to help", keywords: HELP_KEYWORDS },
];

type Values = Record<keyof KeywordReplies, string>;

export function KeywordRepliesSettings() {
  const trpc = useTRPC();
  const org = useQuery(trpc.org.current.queryOptions());
  return (
    <Section
      title="Keyword replies"
      description="What a phone gets back when it texts one of the keywords carriers require. Opt-outs and opt-ins change the contact's consent whatever the reply says."
    >
      <SectionCard>
        {org.isPending ? (
          <Loading />
        ) : org.isError ? (
          <LoadError error={org.error} />
        ) : (
          <RepliesForm
            orgName={org.data.name}
            initial={{ helpReply: org.data.helpReply ?? "", optOutReply: org.data.optOutReply ?? "", optInReply: org.data.optInReply ?? "" }}
            canEdit={hasRole(org.data.role, "ADMIN")}
          />
        )}
      </SectionCard>
    </Section>
  );
}

function RepliesForm({ orgName, initial, canEdit }: { orgName: string; initial: Values; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const defaults = defaultKeywordReplies(orgName);
  const save = useMutation(
    trpc.org.updateKeywordReplies.mutationOptions({
      onSuccess: async (saved) => {
        setValues({ helpReply: saved.helpReply ?? "", optOutReply: saved.optOutReply ?? "", optInReply: saved.optInReply ?? "" });
        toast.success("Keyword replies saved");
        await queryClient.invalidateQueries({ queryKey: trpc.org.current.queryKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateKeywordRepliesInput.safeParse(values);
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
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      {REPLIES.map(({ key, label, keywords }) => {
        const sent = values[key].trim() || defaults[key];
        const segmented = segmentMessage(sent);
        return (
          <Field
            key={key}
            label={label}
            error={errors.fields[key]}
            hint={
              <>
                Sent for {keywords.join(", ")}. {values[key].trim() ? "" : "Blank: the built-in reply is sent. "}Merge fields such as{" "}
                <code>{"{{first_name|there}}"}</code> are filled in for the contact who texted.{" "}
                <span data-testid={`${key}-segments`}>
                  {segmented.segmentCount} {segmented.segmentCount === 1 ? "segment" : "segments"} ({segmented.encoding}, {sent.length} characters)
                </span>
              </>
            }
          >
            <Textarea
              name={key}
              value={values[key]}
              placeholder={defaults[key]}
              readOnly={!canEdit}
              rows={3}
              onChange={(e) => setValues({ ...values, [key]: e.target.value })}
            />
          </Field>
        );
      })}
      <FormError>{errors.form}</FormError>
      {canEdit ? (
        <Button type="submit" loading={save.isPending}>
          Save replies
        </Button>
      ) : (
        <p className="text-xs text-zinc-500">Only admins and owners can change these.</p>
      )}
    </form>
  );
}
