"use client";
// The side panel with no step chosen: the workflow's name and its settings (who may enter,
// re-entry, quiet hours, frequency cap, pausing while a teammate replies).
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { EditorOptions } from "@/lib/workflows/editor-options";
import type { WorkflowSettings } from "@/lib/workflows/graph-model";

const REENTRY_LABELS = { once: "Once ever", one_at_a_time: "Once at a time", always: "Every time" } as const;

export function SettingsForm({
  name,
  onRename,
  renameError,
  settings,
  options,
  onChange,
}: {
  name: string;
  onRename: (name: string) => void;
  renameError: string | null;
  settings: WorkflowSettings;
  options: EditorOptions;
  onChange: (s: WorkflowSettings) => void;
}) {
  const [draftName, setDraftName] = useState(name);
  const check = (key: "quietHours" | "frequencyCap" | "pauseWhileTeammateReplies", label: string, hint: string) => (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-1" checked={settings[key]} onChange={(e) => onChange({ ...settings, [key]: e.target.checked })} />
      <span>
        {label}
        <span className="block text-xs text-zinc-500">{hint}</span>
      </span>
    </label>
  );
  return (
    <div className="space-y-4">
      <Field label="Name" error={renameError}>
        <Input
          value={draftName}
          onChange={(e) => setDraftName(e.target.value)}
          onBlur={() => draftName.trim() && draftName.trim() !== name && onRename(draftName.trim())}
          onKeyDown={(e) => e.key === "Enter" && (e.target as HTMLInputElement).blur()}
        />
      </Field>
      <Field label="Who may enter" hint="Contacts the trigger brings who are not in the segment do not enter.">
        <Select value={settings.entrySegmentId ?? ""} onChange={(e) => onChange({ ...settings, entrySegmentId: e.target.value || null })}>
          <option value="">Everyone the trigger brings</option>
          {options.segments.map((s) => (
            <option key={s.id} value={s.id}>
              In segment {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="A contact enters" hint="Once at a time: again only after their last run has ended. Every time: each time the trigger fires, even mid-run.">
        <Select value={settings.reentry} onChange={(e) => onChange({ ...settings, reentry: e.target.value as WorkflowSettings["reentry"] })}>
          {Object.entries(REENTRY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <div className="space-y-2">
        {check("quietHours", "Respect quiet hours", "Texts wait for the org's sending window in the contact's zone, as campaigns' do.")}
        {check("frequencyCap", "Respect the frequency cap", "A text over the org's cap is skipped and the run goes on.")}
        {check("pauseWhileTeammateReplies", "Pause while a teammate replies", "A text waits while a teammate has written in the contact's conversation in the last 10 minutes.")}
      </div>
      <p className="text-xs text-zinc-500">A STOP always ends every run of the contact.</p>
    </div>
  );
}
