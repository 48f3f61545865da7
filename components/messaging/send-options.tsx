"use client";
// The choices under the compose box of a one-off send: marketing or transactional (for those
// allowed it), now or later; and, when the recipient opted out, what that means for this send.
import { AlertTriangle } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";

export interface SendOptionsValue {
  marketing: boolean;
  /** A `datetime-local` value in the viewer's zone; empty sends now. */
  sendAt: string;
  scheduled: boolean;
}

export const DEFAULT_SEND_OPTIONS: SendOptionsValue = { marketing: true, sendAt: "", scheduled: false };

export function SendOptions({
  value,
  onChange,
  sendAtError,
  allowTransactional,
  optedOut,
}: {
  value: SendOptionsValue;
  onChange: (value: SendOptionsValue) => void;
  sendAtError?: string;
  /** Owners and admins only (lib/messaging/transactional.ts): for others everything is marketing. */
  allowTransactional: boolean;
  /** The recipient, when they are a contact who opted out. */
  optedOut: string | null;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {(allowTransactional || optedOut) && (
        <div>
          {allowTransactional && <KindChoice value={value} onChange={onChange} />}
          {optedOut && <OptedOutNote who={optedOut} transactional={!value.marketing} />}
        </div>
      )}
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

function OptedOutNote({ who, transactional }: { who: string; transactional: boolean }) {
  return (
    <p
      role="status"
      data-testid="opted-out-warning"
      className={cn(
        "mt-2 flex gap-1.5 rounded-md px-2 py-1.5 text-xs",
        transactional ? "bg-amber-50 text-amber-900 dark:bg-amber-500/15 dark:text-amber-100" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
      )}
    >
      <AlertTriangle className="mt-px h-3.5 w-3.5 shrink-0" aria-hidden />
      {transactional ? (
        <span>
          <strong>{who} opted out.</strong> A transactional message still reaches them: send only what they asked for (a code, a receipt). It is recorded in
          the audit log.
        </span>
      ) : (
        <span>{who} opted out: a marketing message to them is refused.</span>
      )}
    </p>
  );
}

function KindChoice({ value, onChange }: { value: SendOptionsValue; onChange: (value: SendOptionsValue) => void }) {
  return (
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
  );
}
