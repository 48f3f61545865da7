"use client";
// When a campaign goes: now; at a date and time in a chosen zone; at a wall time in each
// recipient's own zone; or spread evenly over some hours. Quiet hours apply to all of them: a
// message due while its recipient's window is closed waits for it to open.
import { useId } from "react";
import { Input, Select } from "@/components/ui/input";
import { MAX_SPREAD_HOURS, type Schedule } from "@/lib/campaigns/campaign-input";
import { allTimeZones } from "@/lib/sms/time-zone";

const KINDS: { kind: Schedule["kind"]; label: string; hint: string }[] = [
  { kind: "now", label: "Send now", hint: "Starts as soon as you send it." },
  { kind: "at", label: "At a date and time", hint: "Starts then, in the zone you choose." },
  { kind: "local", label: "At each recipient's local time", hint: "e.g. 10:00 wherever each contact is." },
  { kind: "spread", label: "Spread over hours", hint: "Evenly over N hours, easing the load on replies and on carriers." },
];

/** Tomorrow at 10:00, as a datetime-local value. */
function tomorrowAtTen(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

export function defaultSchedule(kind: Schedule["kind"], zone: string): Schedule {
  if (kind === "at") return { kind, localTime: tomorrowAtTen(), zone };
  if (kind === "local") return { kind, localTime: tomorrowAtTen(), fallbackZone: zone };
  if (kind === "spread") return { kind, hours: 4 };
  return { kind: "now" };
}

export function SchedulePicker({ value, onChange, viewerZone, error }: { value: Schedule; onChange: (value: Schedule) => void; viewerZone: string; error?: string }) {
  const id = useId();
  const zones = allTimeZones();
  const zoneSelect = (zone: string, set: (zone: string) => void, label: string) => (
    <label className="block space-y-1">
      <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
      <Select value={zone} onChange={(e) => set(e.target.value)}>
        {zones.map((z) => (
          <option key={z}>{z}</option>
        ))}
      </Select>
    </label>
  );
  const timeInput = (localTime: string, set: (t: string) => void, label: string) => (
    <label className="block space-y-1">
      <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
      <Input type="datetime-local" value={localTime} onChange={(e) => set(e.target.value)} required />
    </label>
  );

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">When</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {KINDS.map((k) => (
          <label
            key={k.kind}
            className="flex cursor-pointer gap-2 rounded-md border border-zinc-200 p-2.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 dark:border-zinc-700 dark:has-[:checked]:bg-brand-700/20"
          >
            <input
              type="radio"
              name={`${id}-kind`}
              className="mt-0.5"
              checked={value.kind === k.kind}
              onChange={() => onChange(defaultSchedule(k.kind, viewerZone))}
            />
            <span>
              <span className="block font-medium">{k.label}</span>
              <span className="block text-xs text-zinc-500">{k.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {value.kind === "at" && (
        <div className="grid gap-3 sm:grid-cols-2">
          {timeInput(value.localTime, (localTime) => onChange({ ...value, localTime }), "Date and time")}
          {zoneSelect(value.zone, (zone) => onChange({ ...value, zone }), "Time zone")}
        </div>
      )}
      {value.kind === "local" && (
        <div className="grid gap-3 sm:grid-cols-2">
          {timeInput(value.localTime, (localTime) => onChange({ ...value, localTime }), "Date and local time")}
          {zoneSelect(value.fallbackZone, (fallbackZone) => onChange({ ...value, fallbackZone }), "Zone for contacts whose zone is unknown")}
        </div>
      )}
      {value.kind === "spread" && (
        <label className="block max-w-48 space-y-1">
          <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Over how many hours (1–{MAX_SPREAD_HOURS})</span>
          <Input
            type="number"
            min={1}
            max={MAX_SPREAD_HOURS}
            value={value.hours}
            onChange={(e) => onChange({ ...value, hours: Number(e.target.value) })}
          />
        </label>
      )}
      {error && (
        <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
