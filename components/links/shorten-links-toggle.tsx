"use client";
// The compose box's link switch ("Shorten links" for one message, "Track links" for a campaign),
// saying what it does to the links in the text before anything is sent.
import { useMemo } from "react";
import { findUrls } from "@/lib/links/find-urls";
import { LINK_CODE_LENGTH } from "@/lib/links/link-text";

export function ShortenLinksToggle({
  label,
  body,
  base,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  body: string;
  base: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const count = useMemo(() => findUrls(body).length, [body]);
  const length = base.length + LINK_CODE_LENGTH;
  let detail: string;
  if (count === 0) detail = `Replaces each http(s) link with a short link (${base}…) whose clicks are recorded.`;
  else if (checked) detail = `${count} ${count === 1 ? "link becomes a short link" : "links become short links"} of ${length} characters, each recipient's own; clicks are recorded.`;
  else detail = `${count} ${count === 1 ? "link is" : "links are"} sent as written; clicks are not recorded.`;
  return (
    <div className="text-xs text-zinc-600 dark:text-zinc-400">
      <label className="inline-flex items-center gap-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">
        <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
      <p className="mt-1" data-testid="shorten-links-detail">
        {detail}
      </p>
    </div>
  );
}
