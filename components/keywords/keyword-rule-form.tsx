"use client";
// A keyword rule's form, checked as it is typed with the procedure's own schema (keywordRuleInput)
// and against the org's other rules (findConflict), so a taken or overlapping keyword is named
// before saving; the server checks again (merge fields, numbers, lists, a race with another save).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { focusFirstInvalid, NO_ERRORS, zodFormErrors } from "@/components/app/form-state";
import { parseTags } from "@/components/contacts/tags";
import { senderLabel } from "@/components/senders/sender-label";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, Field, FormError } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { KeywordRule } from "@/lib/generated/prisma/client";
import { displayKeyword } from "@/lib/keywords/keyword-key";
import { findConflict } from "@/lib/keywords/match-rule";
import { keywordRuleInput, MATCH_ON, MATCH_ON_LABELS, type ConversationAction, type KeywordRuleInput, type MatchOn } from "@/lib/keywords/rule-model";
import { segmentMessage } from "@/lib/sms/segments";
import { formErrors, type FormErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

interface Values {
  name: string;
  keywords: string;
  matchOn: MatchOn;
  allNumbers: boolean;
  senderIds: string[];
  reply: string;
  tags: string;
  addListIds: string[];
  subscribe: boolean;
  /** "" leaves the conversation as the text's routing leaves it. */
  conversationAction: ConversationAction | "";
  enabled: boolean;
}

const valuesOf = (rule: KeywordRule | null): Values => ({
  name: rule?.name ?? "",
  keywords: rule?.keywords.join(", ") ?? "",
  matchOn: (rule?.matchOn as MatchOn | undefined) ?? "whole",
  allNumbers: (rule?.senderIds.length ?? 0) === 0,
  senderIds: rule?.senderIds ?? [],
  reply: rule?.reply ?? "",
  tags: rule?.addTags.join(", ") ?? "",
  addListIds: rule?.addListIds ?? [],
  subscribe: rule?.subscribe ?? false,
  conversationAction: (rule?.conversationAction as ConversationAction | null | undefined) ?? "",
  enabled: rule?.enabled ?? true,
});

const inputOf = (v: Values): KeywordRuleInput => ({
  name: v.name,
  keywords: v.keywords.split(",").filter((k) => k.trim() !== ""),
  matchOn: v.matchOn,
  senderIds: v.allNumbers ? [] : v.senderIds,
  reply: v.reply,
  addTags: parseTags(v.tags),
  addListIds: v.addListIds,
  subscribe: v.subscribe,
  conversationAction: v.conversationAction || null,
  enabled: v.enabled,
});

/** The schema's errors, and an overlap with another rule (as soon as the keywords themselves are valid), as the form shows them. */
function check(values: Values, others: KeywordRule[]): FormErrors {
  const input = inputOf(values);
  const parsed = keywordRuleInput.safeParse(input);
  const errors = parsed.success ? NO_ERRORS : zodFormErrors(parsed.error);
  if (errors.fields.keywords) return errors;
  const conflict = findConflict({ keywords: input.keywords.map(displayKeyword), matchOn: values.matchOn, senderIds: input.senderIds ?? [] }, others);
  if (!conflict) return errors;
  const which = conflict.keyword === conflict.theirs ? conflict.keyword : `${conflict.keyword} overlaps ${conflict.theirs}, which`;
  return { fields: { ...errors.fields, keywords: `${which} is already a keyword of the rule "${conflict.rule.name}"` }, form: null };
}

export function KeywordRuleForm({
  rule,
  others,
  senders,
  lists,
  onDone,
}: {
  rule: KeywordRule | null;
  others: KeywordRule[];
  senders: { id: string; address: string; label: string | null }[];
  lists: { id: string; name: string }[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => valuesOf(rule));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>(NO_ERRORS);
  const live = check(values, others);
  const shown = (field: string) => serverErrors.fields[field] ?? (submitted || touched.has(field) ? live.fields[field] : undefined);

  const saved = async () => {
    toast.success(rule ? "Rule saved" : "Rule created");
    await queryClient.invalidateQueries({ queryKey: trpc.keywords.rules.queryKey() });
    onDone();
  };
  const create = useMutation(trpc.keywords.create.mutationOptions({ onSuccess: saved }));
  const update = useMutation(trpc.keywords.update.mutationOptions({ onSuccess: saved }));

  function set<K extends keyof Values>(key: K, value: Values[K], field: string = key) {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => new Set(t).add(field));
    setServerErrors(NO_ERRORS);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(live.fields).length > 0) return focusFirstInvalid(formRef.current);
    const input = keywordRuleInput.parse(inputOf(values));
    const onError = (error: unknown) => {
      setServerErrors(formErrors(error));
      focusFirstInvalid(formRef.current);
    };
    if (rule) update.mutate({ id: rule.id, rule: input }, { onError });
    else create.mutate(input, { onError });
  }

  const reply = values.reply.trim();
  const segmented = segmentMessage(reply);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Name" error={shown("name")}>
        <Input name="name" value={values.name} onChange={(e) => set("name", e.target.value)} placeholder="Join the club" />
      </Field>
      <Field label="Keywords" error={shown("keywords")} hint="Separated by commas. Case, spaces and punctuation do not matter: JOIN matches “join!” and “Join”.">
        <Input name="keywords" value={values.keywords} onChange={(e) => set("keywords", e.target.value)} placeholder="JOIN, SUBSCRIBE" />
      </Field>
      <Field label="Matches when" error={shown("matchOn")}>
        <Select name="matchOn" value={values.matchOn} onChange={(e) => set("matchOn", e.target.value as MatchOn)}>
          {MATCH_ON.map((m) => (
            <option key={m} value={m}>
              {MATCH_ON_LABELS[m]} is a keyword
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">Numbers</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.allNumbers} onChange={(e) => set("allNumbers", e.target.checked, "senderIds")} />
          Texts to any of the organisation&apos;s numbers
        </label>
        {!values.allNumbers && (
          <CheckboxGroup
            legend="Only texts to"
            options={senders.map((s) => ({ value: s.id, label: senderLabel(s) }))}
            selected={values.senderIds}
            onChange={(ids) => set("senderIds", ids)}
            error={shown("senderIds")}
          />
        )}
      </fieldset>
      <Field
        label="Reply"
        error={shown("reply")}
        hint={
          <>
            Sent once a day at most to each contact, not to contacts who opted out (unless the rule subscribes them). Merge fields such as{" "}
            <code>{"{{first_name|there}}"}</code> are filled in.{" "}
            {reply && (
              <span>
                {segmented.segmentCount} {segmented.segmentCount === 1 ? "segment" : "segments"} ({segmented.encoding}, {reply.length} characters)
              </span>
            )}
          </>
        }
      >
        <Textarea name="reply" rows={3} value={values.reply} onChange={(e) => set("reply", e.target.value)} placeholder="Welcome to the club! Reply STOP to opt out." />
      </Field>
      <Field label="Add tags" error={shown("addTags")} hint="Separated by commas.">
        <Input name="addTags" value={values.tags} onChange={(e) => set("tags", e.target.value, "addTags")} placeholder="club, vip" />
      </Field>
      {lists.length > 0 && (
        <CheckboxGroup legend="Add to lists" options={lists.map((l) => ({ value: l.id, label: l.name }))} selected={values.addListIds} onChange={(ids) => set("addListIds", ids)} error={shown("addListIds")} />
      )}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" checked={values.subscribe} onChange={(e) => set("subscribe", e.target.checked, "reply")} />
        <span>
          Subscribe the contact
          <span className="block text-xs text-zinc-500">Opts them in (back in, if they had opted out), recording their text as their consent. The reply confirms it.</span>
        </span>
      </label>
      <Field label="Inbox conversation" error={shown("conversationAction")}>
        <Select name="conversationAction" value={values.conversationAction} onChange={(e) => set("conversationAction", e.target.value as Values["conversationAction"], "reply")}>
          <option value="">Leave it as the text leaves it (open)</option>
          <option value="open">Open it, waking it if snoozed</option>
          <option value="close">Close it: no one needs to answer</option>
        </Select>
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.enabled} onChange={(e) => set("enabled", e.target.checked)} />
        Enabled
      </label>
      <FormError>{serverErrors.form}</FormError>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending || update.isPending}>
          {rule ? "Save rule" : "Create rule"}
        </Button>
      </div>
    </form>
  );
}
