"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Filter by target ID. The filter lives in the URL (?target=), so a filtered view can be linked to. */
export function AuditFilter({ targetId, onChange }: { targetId: string; onChange: (targetId: string) => void }) {
  const [value, setValue] = useState(targetId);
  const [prev, setPrev] = useState(targetId);
  // Follow the URL when it changes from elsewhere (a row's filter button, back/forward).
  if (prev !== targetId) {
    setPrev(targetId);
    setValue(targetId);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onChange(value.trim());
  }

  return (
    <form role="search" aria-label="Filter audit log" onSubmit={onSubmit} className="mb-4 flex items-center gap-2">
      <label htmlFor="audit-target" className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
        Target ID
      </label>
      <Input
        id="audit-target"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder="e.g. ct_01j…"
        className="w-72 font-mono"
        spellCheck={false}
      />
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {targetId && (
        <Button variant="ghost" onClick={() => onChange("")}>
          Clear filter
        </Button>
      )}
    </form>
  );
}
