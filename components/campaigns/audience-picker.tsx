"use client";
// A campaign's audience: the lists and segments it goes to, and those it leaves out. Each is a chip;
// a select adds one. A contact in two included lists gets one message (the plan counts them).
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { Select } from "@/components/ui/input";
import type { Audience } from "@/lib/campaigns/campaign-input";
import { useTRPC } from "@/lib/trpc/react";

type Side = Audience["include"];
type Option = { id: string; name: string; kind: "list" | "segment" };

export function AudiencePicker({ value, onChange, error }: { value: Audience; onChange: (value: Audience) => void; error?: string }) {
  const trpc = useTRPC();
  const lists = useQuery(trpc.lists.list.queryOptions());
  const segments = useQuery(trpc.segments.list.queryOptions());
  const options: Option[] = [
    ...(lists.data ?? []).map((l) => ({ id: l.id, name: l.name, kind: "list" as const })),
    ...(segments.data ?? []).map((s) => ({ id: s.id, name: s.name, kind: "segment" as const })),
  ];
  const used = new Set([...value.include.listIds, ...value.include.segmentIds, ...value.exclude.listIds, ...value.exclude.segmentIds]);
  const loading = lists.isPending || segments.isPending;

  function side(name: "include" | "exclude", label: string, hint: string) {
    const chosen = value[name];
    const set = (next: Side) => onChange({ ...value, [name]: next });
    const chips = [
      ...chosen.listIds.map((id) => ({ id, kind: "list" as const })),
      ...chosen.segmentIds.map((id) => ({ id, kind: "segment" as const })),
    ];
    function add(key: string) {
      const [kind, id] = key.split(":") as ["list" | "segment", string];
      if (kind === "list") set({ ...chosen, listIds: [...chosen.listIds, id] });
      else set({ ...chosen, segmentIds: [...chosen.segmentIds, id] });
    }
    function remove(kind: "list" | "segment", id: string) {
      if (kind === "list") set({ ...chosen, listIds: chosen.listIds.filter((x) => x !== id) });
      else set({ ...chosen, segmentIds: chosen.segmentIds.filter((x) => x !== id) });
    }
    const free = options.filter((o) => !used.has(o.id));
    return (
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{label}</legend>
        <p className="text-xs text-zinc-500">{hint}</p>
        {chips.length > 0 && (
          <ul className="flex flex-wrap gap-1.5" aria-label={label}>
            {chips.map((chip) => {
              const option = options.find((o) => o.id === chip.id);
              const text = option?.name ?? (loading ? "…" : "(deleted)");
              return (
                <li key={chip.id} className="inline-flex items-center gap-1 rounded-full border border-zinc-300 bg-zinc-50 py-0.5 pl-2.5 pr-1 text-sm dark:border-zinc-700 dark:bg-zinc-800">
                  <span className="text-xs text-zinc-500">{chip.kind === "list" ? "List" : "Segment"}</span>
                  <span className="max-w-48 truncate">{text}</span>
                  <button
                    type="button"
                    aria-label={`Remove ${text}`}
                    className="rounded-full p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-800 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
                    onClick={() => remove(chip.kind, chip.id)}
                  >
                    <X className="h-3.5 w-3.5" aria-hidden />
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <Select
          aria-label={name === "include" ? "Add a list or segment to send to" : "Add a list or segment to leave out"}
          value=""
          disabled={loading || free.length === 0}
          onChange={(e) => e.target.value && add(e.target.value)}
          className="sm:max-w-sm"
        >
          <option value="">{loading ? "Loading…" : free.length === 0 ? "No more lists or segments" : "Add a list or segment…"}</option>
          {(["list", "segment"] as const).map((kind) => {
            const group = free.filter((o) => o.kind === kind);
            return (
              group.length > 0 && (
                <optgroup key={kind} label={kind === "list" ? "Lists" : "Segments"}>
                  {group.map((o) => (
                    <option key={o.id} value={`${kind}:${o.id}`}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
              )
            );
          })}
        </Select>
      </fieldset>
    );
  }

  return (
    <div className="space-y-4">
      {side("include", "Send to", "Everyone in any of these; each contact gets one message, however many they are in.")}
      {side("exclude", "Leave out", "No one in these gets it, even if they are in one above.")}
      {error && (
        <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
