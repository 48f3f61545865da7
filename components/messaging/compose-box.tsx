"use client";
// The compose box: the message text with what it will cost as it is typed (characters left in this
// segment, segments, encoding, the characters that force UCS-2 marked in place; with merge fields,
// of the text as the previewed recipient gets it; links counted as the short links they become when
// that switch is on), the smart-encoding switch, the link switch, and media attachments (MMS). No page logic: the owner holds the value and decides what Send does, so
// the Messages page, the inbox and campaigns can all use it.
import { useId, useMemo, type KeyboardEvent, type ReactNode } from "react";
import { useShortLinkBase } from "@/components/links/short-link-base";
import { ShortenLinksToggle } from "@/components/links/shorten-links-toggle";
import { MediaPicker, type MediaItem } from "@/components/media/media-picker";
import { HighlightedTextarea } from "@/components/messaging/highlighted-textarea";
import { SegmentMeter } from "@/components/messaging/segment-meter";
import { SmartEncodingToggle } from "@/components/messaging/smart-encoding-toggle";
import { textWithShortLinks } from "@/lib/links/link-text";
import { MAX_BODY_LENGTH } from "@/lib/sms/segments";
import { segmentMessage } from "@/lib/sms/segments";
import { smartEncode } from "@/lib/sms/smart-encoding";

export interface ComposeValue {
  body: string;
  smartEncoding: boolean;
  /** Its links replaced by short links (lib/links/) as it is sent. */
  shortenLinks: boolean;
  /** Uploaded attachments, in order: their ids go with the send. */
  media: MediaItem[];
}

export const EMPTY_COMPOSE: ComposeValue = { body: "", smartEncoding: false, shortenLinks: false, media: [] };

export function ComposeBox({
  value,
  onChange,
  onSubmit,
  label = "Message",
  placeholder = "Write your message…",
  error,
  disabled,
  counted,
  linksLabel = "Shorten links",
  linkOptions,
  enterSends = false,
  onTyping,
  compact = false,
}: {
  value: ComposeValue;
  onChange: (value: ComposeValue) => void;
  /** Ctrl/⌘+Enter in the text (Enter alone with `enterSends`). */
  onSubmit?: () => void;
  /** Enter sends and Shift+Enter breaks the line (a chat's reply box, the inbox's). */
  enterSends?: boolean;
  /** Each keystroke in the text (the inbox tells teammates someone is typing). */
  onTyping?: () => void;
  /** A chat's reply box: the label for screen readers only, the switches and attachments folded under "Options". */
  compact?: boolean;
  label?: string;
  placeholder?: string;
  error?: string | null;
  disabled?: boolean;
  /** With merge fields, the text as one recipient gets it (rendered and encoded by the server): counted instead of the template. */
  counted?: { text: string; who: string } | null;
  /** The link switch's name: "Shorten links" for one message, "Track links" for a campaign. */
  linksLabel?: string;
  /** More about the links, under their switch while it is on (a campaign's UTM parameters). */
  linkOptions?: ReactNode;
}) {
  const id = useId();
  const base = useShortLinkBase();
  // Counted on what will be sent: the smart-encoded text when the switch is on, with short links when that one is.
  const encoded = value.smartEncoding ? smartEncode(value.body).text : value.body;
  const sent = counted?.text ?? (value.shortenLinks ? textWithShortLinks(encoded, base) : encoded);
  const segmented = useMemo(() => segmentMessage(sent), [sent]);
  const overLimit = sent.length > MAX_BODY_LENGTH;

  const options = (
    <>
      <SmartEncodingToggle body={value.body} checked={value.smartEncoding} disabled={disabled} onChange={(smartEncoding) => onChange({ ...value, smartEncoding })} />
      <ShortenLinksToggle
        label={linksLabel}
        body={value.body}
        base={base}
        checked={value.shortenLinks}
        disabled={disabled}
        onChange={(shortenLinks) => onChange({ ...value, shortenLinks })}
      />
      {value.shortenLinks && linkOptions}
      <MediaPicker value={value.media} onChange={(media) => onChange({ ...value, media })} disabled={disabled} />
    </>
  );

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    onTyping?.();
    const sends = enterSends ? !event.shiftKey && !event.nativeEvent.isComposing : event.metaKey || event.ctrlKey;
    if (event.key === "Enter" && sends && onSubmit) {
      event.preventDefault();
      onSubmit();
    }
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className={compact ? "sr-only" : "block text-sm font-medium text-zinc-700 dark:text-zinc-300"}>
        {label}
      </label>
      <HighlightedTextarea
        id={id}
        name="body"
        value={value.body}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={error || overLimit ? true : undefined}
        aria-describedby={`${id}-meter${error ? ` ${id}-error` : ""}`}
        onChange={(e) => onChange({ ...value, body: e.target.value })}
        onKeyDown={keyDown}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div id={`${id}-meter`}>
        {/* With media it goes as one MMS, whatever the text's length. */}
        <SegmentMeter segmented={segmented} isMms={value.media.length > 0} overLimit={overLimit} />
        {counted && <p className="mt-1 text-xs text-zinc-500">Counted on the text {counted.who} gets; other recipients&apos; values may change its length.</p>}
        {overLimit && (
          <p className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
            Messages are limited to {MAX_BODY_LENGTH.toLocaleString("en-US")} characters ({sent.length.toLocaleString("en-US")} now).
          </p>
        )}
      </div>
      {compact ? (
        <details className="text-sm" open={value.media.length > 0 || value.smartEncoding || value.shortenLinks}>
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Options and attachments</summary>
          <div className="mt-2 space-y-2">{options}</div>
        </details>
      ) : (
        options
      )}
    </div>
  );
}
