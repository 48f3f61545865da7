"use client";
// Under the compose box of a one-off send: the message as a chosen contact would receive it (merge
// fields filled in, with its segments, encoding and price), from messages.preview, which prepares
// it as a send would. It is shown once the text has merge fields; the recipient it also returns
// (are they a contact, did they opt out?) feeds the send options' warning whatever the text.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { contactName } from "@/components/contacts/contact-name";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";
import type { ComposeValue } from "@/components/messaging/compose-box";
import { SegmentMeter } from "@/components/messaging/segment-meter";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import type { PreviewSendInput, SendPreview as Preview } from "@/lib/messaging/preview-send";
import { formatMoney } from "@/lib/money";
import { segmentMessage } from "@/lib/sms/segments";
import { hasMergeFields, validateTemplate } from "@/lib/sms/templates";
import { useTRPC } from "@/lib/trpc/react";

const who = (c: NonNullable<Preview["previewAs"]>) => ("firstName" in c && contactName(c)) || c.phone;

/**
 * What the compose box shows of `compose` for the recipient `to`: an unknown merge field as it is
 * typed (the org's fields), and, a moment after typing stops, the preview (messages.preview).
 */
export function useComposePreview(to: string, from: string, compose: ComposeValue) {
  const trpc = useTRPC();
  const [asContactId, setPreviewAs] = useState<string | undefined>();
  const fieldKeys = useQuery(trpc.customFields.list.queryOptions()).data?.map((f) => f.key);
  const templated = hasMergeFields(compose.body);
  const check = templated && fieldKeys ? validateTemplate(compose.body, fieldKeys) : null;
  const templateError = check && !check.ok ? check.message : null;

  const input: PreviewSendInput = {
    to,
    asContactId,
    ...(from && { from }),
    // Without merge fields the text is the same for everyone: only the recipient is looked up.
    body: templated && !templateError ? compose.body : "",
    mediaIds: compose.media.map((m) => m.id),
    smartEncoding: compose.smartEncoding,
    shortenLinks: compose.shortenLinks,
  };
  const settled = useDebouncedValue(JSON.stringify(input));
  const query = useQuery({
    ...trpc.messages.preview.queryOptions(JSON.parse(settled) as PreviewSendInput, { placeholderData: keepPreviousData, retry: false }),
    enabled: Boolean(to.trim() || asContactId),
  });
  const preview = query.data ?? null;
  const text = templated && !templateError ? preview?.text : null;
  const recipient = preview?.recipient;
  return {
    templated,
    templateError,
    preview: templated && !templateError ? preview : null,
    waiting: settled !== JSON.stringify(input) || query.isFetching,
    setPreviewAs,
    /** The text the segment meter counts: the previewed recipient's. */
    counted: text?.ok && preview?.previewAs ? { text: text.body, who: who(preview.previewAs) } : null,
    optedOut: recipient?.consentStatus === "OPTED_OUT" ? (contactName(recipient) ?? recipient.phone) : null,
  };
}

export function SendPreview({
  preview,
  waiting,
  onPreviewAs,
}: {
  preview: Preview | null;
  waiting: boolean;
  onPreviewAs: (contactId: string | undefined) => void;
}) {
  const [choosing, setChoosing] = useState(false);
  const text = preview?.text;
  return (
    <section aria-label="Preview" data-testid="send-preview" className={cn("rounded-md border border-zinc-200 p-3 dark:border-zinc-800", waiting && "opacity-60")}>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="font-medium">
          Preview as{" "}
          <span data-testid="preview-as">{preview?.previewAs ? who(preview.previewAs) : "—"}</span>
          {preview?.previewAs && preview.previewAs.id === null && <span className="ml-1 text-xs font-normal text-zinc-500">(not a contact)</span>}
        </p>
        <Button size="sm" variant="secondary" onClick={() => setChoosing((c) => !c)} aria-expanded={choosing}>
          {choosing ? "Done" : "Preview as another contact"}
        </Button>
      </div>
      {choosing && (
        <ContactChooser
          onChoose={(id) => {
            onPreviewAs(id);
            setChoosing(false);
          }}
        />
      )}
      {!preview?.previewAs ? (
        <p className="mt-2 text-xs text-zinc-500">
          {waiting ? "Filling in the fields…" : "Enter the recipient, or choose a contact, to see the text they would get."}
        </p>
      ) : !text ? null : text.ok ? (
        <div className="mt-2 space-y-1.5">
          <p data-testid="preview-text" className="whitespace-pre-wrap break-words rounded-md bg-brand-50 px-3 py-2 text-sm text-zinc-900 dark:bg-brand-500/15 dark:text-zinc-100">
            {text.body}
          </p>
          <SegmentMeter segmented={segmentMessage(text.body)} isMms={false} overLimit={false} />
          <p className="text-xs text-zinc-500">Costs {formatMoney(text.priceMicros)} to send to them.</p>
        </div>
      ) : (
        <p role="alert" data-testid="preview-error" className="mt-2 text-xs font-medium text-red-600 dark:text-red-400">
          {text.message}
        </p>
      )}
    </section>
  );
}

function ContactChooser({ onChoose }: { onChoose: (contactId: string | undefined) => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const settled = useDebouncedValue(search.trim());
  const found = useQuery({ ...trpc.contacts.list.queryOptions({ search: settled, limit: 5 }), enabled: settled.length > 0 });
  return (
    <div className="mt-2 space-y-1">
      <Input aria-label="Find a contact to preview as" placeholder="Name or number" value={search} onChange={(e) => setSearch(e.target.value)} autoFocus />
      <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        {(found.data?.items ?? []).map((c) => (
          <li key={c.id}>
            <button type="button" className="w-full px-1 py-1.5 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800" onClick={() => onChoose(c.id)}>
              {contactName(c) ?? c.phone} <span className="ml-1 font-mono text-xs text-zinc-500">{c.phone}</span>
            </button>
          </li>
        ))}
        {settled && found.data?.items.length === 0 && <li className="px-1 py-1.5 text-xs text-zinc-500">No contact matches “{settled}”.</li>}
      </ul>
      <button type="button" className="text-xs text-zinc-500 underline" onClick={() => onChoose(undefined)}>
        Back to the recipient
      </button>
    </div>
  );
}
