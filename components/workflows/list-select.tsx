// The org's lists as a "List" field, for the list trigger and the list step.
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { EditorOptions } from "@/lib/workflows/editor-options";

export function ListSelect({ value, lists, onChange }: { value: string; lists: EditorOptions["lists"]; onChange: (listId: string) => void }) {
  return (
    <Field label="List">
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a list…</option>
        {lists.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
