"use client";
// One sender number, or several as a pool: each contact always hears from the same number of the
// pool, and each number sends at its own pace (the plan shows the finish time of the choice).
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/lib/trpc/root";

type SenderOption = inferRouterOutputs<AppRouter>["messages"]["senders"][number];

export function SenderPicker({ senders, value, onChange, error }: { senders?: SenderOption[]; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">From</legend>
      <p className="text-xs text-zinc-500">Pick more than one to send from a pool: each contact always hears from the same number.</p>
      {!senders ? (
        <p className="text-sm text-zinc-500">Loading…</p>
      ) : senders.length === 0 ? (
        <p className="text-sm text-zinc-500">No sender numbers yet: add one in Settings → Senders.</p>
      ) : (
        <ul className="grid gap-1.5 sm:grid-cols-2">
          {senders.map((s) => (
            <li key={s.id}>
              <label className="flex items-center gap-2 rounded-md border border-zinc-200 px-2.5 py-1.5 text-sm has-[:checked]:border-brand-500 dark:border-zinc-700">
                <input
                  type="checkbox"
                  checked={value.includes(s.id)}
                  onChange={(e) => onChange(e.target.checked ? [...value, s.id] : value.filter((id) => id !== s.id))}
                />
                <span className="font-mono text-xs">{s.address}</span>
                {s.label && <span className="truncate text-xs text-zinc-500">{s.label}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
