"use client";
// The message of a campaign, or of each variant of an A/B test: a compose box each (counter, merge
// fields, media), added up to five and removed down to one (then it is a plain campaign again, with
// the variant left), and how the variants are used. Errors name the variant they are about. The
// campaign's "Track links" is each box's link switch (so each counts its text as sent), with
// `linkOptions` under the first.
import { Plus, X } from "lucide-react";
import type { ReactNode } from "react";
import { AbTestSettings, DEFAULT_WINNER_TEST } from "@/components/campaigns/ab-test-settings";
import { ComposeBox, EMPTY_COMPOSE, type ComposeValue } from "@/components/messaging/compose-box";
import { Button } from "@/components/ui/button";
import { MAX_VARIANTS, variantLetter, type AbTest } from "@/lib/campaigns/campaign-input";

export interface MessageDraft {
  compose: ComposeValue;
  /** 2-5 with an A/B test; empty for one message (compose). */
  variants: ComposeValue[];
  abTest: AbTest | null;
  /** The campaign's "Track links": the same for every variant. */
  trackLinks: boolean;
}

type Errors = Record<string, string | undefined>;

const hasLink = (body: string) => /https?:\/\/\S/i.test(body);

interface Props {
  value: MessageDraft;
  onChange: (v: MessageDraft) => void;
  errors: Errors;
  /** Shown under the first box's "Track links" while it is on. */
  linkOptions?: ReactNode;
}

export function VariantsEditor({ value, onChange, errors, linkOptions }: Props) {
  const links = (first: boolean) => ({ linksLabel: "Track links", linkOptions: first ? linkOptions : undefined });
  const tracked = (compose: ComposeValue): ComposeValue => ({ ...compose, shortenLinks: value.trackLinks });
  if (value.variants.length === 0) {
    return (
      <div className="space-y-2">
        <ComposeBox
          value={tracked(value.compose)}
          onChange={(compose) => onChange({ ...value, compose, trackLinks: compose.shortenLinks })}
          placeholder="Hi {{first_name|there}}, …"
          error={errors.body ?? errors.mediaIds}
          {...links(true)}
        />
        <Button variant="ghost" size="sm" onClick={() => onChange({ ...value, compose: EMPTY_COMPOSE, variants: [value.compose, EMPTY_COMPOSE], abTest: DEFAULT_WINNER_TEST })}>
          <Plus className="h-4 w-4" aria-hidden /> A/B test: add a variant
        </Button>
      </div>
    );
  }
  const set = (i: number, compose: ComposeValue) =>
    onChange({ ...value, trackLinks: compose.shortenLinks, variants: value.variants.map((v, j) => (j === i ? compose : v)) });
  function remove(i: number) {
    const left = value.variants.filter((_, j) => j !== i);
    onChange(left.length === 1 ? { ...value, compose: left[0]!, variants: [], abTest: null } : { ...value, variants: left });
  }
  return (
    <div className="space-y-4" data-testid="variants">
      {value.variants.map((v, i) => (
        <div key={i} className="relative rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
          <Button variant="ghost" size="sm" className="absolute right-2 top-2" onClick={() => remove(i)} aria-label={`Remove variant ${variantLetter(i)}`}>
            <X className="h-4 w-4" aria-hidden /> Remove
          </Button>
          <ComposeBox
            label={`Variant ${variantLetter(i)}`}
            value={tracked(v)}
            onChange={(compose) => set(i, compose)}
            placeholder={i === 0 ? "Hi {{first_name|there}}, …" : "Another way to say it…"}
            error={errors[`variants.${i}.body`] ?? errors[`variants.${i}.mediaIds`]}
            {...links(i === 0)}
          />
        </div>
      ))}
      {errors.variants && (
        <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          {errors.variants}
        </p>
      )}
      <Button variant="secondary" size="sm" disabled={value.variants.length >= MAX_VARIANTS} onClick={() => onChange({ ...value, variants: [...value.variants, EMPTY_COMPOSE] })}>
        <Plus className="h-4 w-4" aria-hidden /> Add variant {value.variants.length < MAX_VARIANTS ? variantLetter(value.variants.length) : `(at most ${MAX_VARIANTS})`}
      </Button>
      {value.abTest && (
        <AbTestSettings
          value={value.abTest}
          onChange={(abTest) => onChange({ ...value, abTest })}
          errors={errors}
          withoutLinks={value.variants.flatMap((v, i) => (hasLink(v.body) ? [] : [variantLetter(i)]))}
        />
      )}
    </div>
  );
}
