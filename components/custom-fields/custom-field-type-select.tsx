// The choice of a custom field's type, for the forms that create one (settings, and the import's
// column mapping).
import { Select } from "@/components/ui/input";
import { CUSTOM_FIELD_TYPE_LABELS, CUSTOM_FIELD_TYPES } from "@/lib/custom-fields/custom-field-input";
import type { CustomFieldType } from "@/lib/generated/prisma/enums";

export function CustomFieldTypeSelect({ value, onChange, ...props }: { value: CustomFieldType; onChange: (type: CustomFieldType) => void; id?: string; name?: string }) {
  return (
    <Select value={value} onChange={(e) => onChange(e.target.value as CustomFieldType)} {...props}>
      {CUSTOM_FIELD_TYPES.map((t) => (
        <option key={t} value={t}>
          {CUSTOM_FIELD_TYPE_LABELS[t]}
        </option>
      ))}
    </Select>
  );
}
