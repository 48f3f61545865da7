"use client";
// The choices under the compose box of a one-off send: marketing or transactional, now or later.
import { Input } from "@/components/ui/input";

export interface SendOptionsValue {
  marketing: boolean;
  /** A `datetime-local` value in the viewer's zone; empty sends now. */
  sendAt: string;
  scheduled: boolean;
}

export const DEFAULT_SEND_OPTIONS: SendOptionsValue = { marketing: true, sendAt: "", scheduled: false };

export function SendOptions({ value, onChange, sendAtError }: { value: SendOptionsValue; onChange: (value: SendOptionsValue) => void; sendAtError?: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <fieldset>
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Type</legend>
        <div className="mt-1.5 space-y-1 text-sm">
          <label className="flex items-start gap-2">
            <input type="radio" name="kind" className="mt-0.5 h-4 w-4 accent-brand-600" checked={value.marketing} onChange={() => onChange({ ...value, marketing: true })} />
            <span>
              Marketing <span className="text-xs text-zinc-500">— not sent to contacts who opted out</span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" name="kind" className="mt-0.5 h-4 w-4 accent-brand-600" checked={!value.marketing} onChange={() => onChange({ ...value, marketing: false })} />
            <span>
              Transactional <span className="text-xs text-zinc-500">— codes, receipts, replies the contact asked for</span>
            </span>
          </label>
        </div>
      </fieldset>
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">
          <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={value.scheduled} onChange={(e) => onChange({ ...value, scheduled: e.target.checked })} />
          Send later
        </label>
        {value.scheduled && (
          <div className="mt-1.5">
            <Input
              type="datetime-local"
              aria-label="Send at"
              value={value.sendAt}
              aria-invalid={sendAtError ? true : undefined}
              aria-describedby={sendAtError ? "send-at-error" : undefined}
              onChange={(e) => onChange({ ...value, sendAt: e.target.value })}
            />
            {sendAtError ? (
              <p id="send-at-error" role="alert" className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
                {sendAtError}
              </p>
            ) : (
              <p className="mt-1 text-xs text-zinc-500">In your time zone ({Intl.DateTimeFormat().resolvedOptions().timeZone}).</p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
