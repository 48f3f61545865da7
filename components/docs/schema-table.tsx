// The fields of a request schema (its JSON Schema), as a table: name, type, required, rules. The
// fields of an array's objects, and of an object, follow it as rows of their own (messages[].to,
// definition.root.match), so a batch's items and a segment's definition are described in full.
import { InlineMarkdown } from "@/components/docs/inline-markdown";

type JsonSchema = { type?: string | string[]; enum?: unknown[]; const?: unknown; anyOf?: JsonSchema[]; items?: JsonSchema; properties?: Record<string, JsonSchema>; required?: string[]; description?: string; default?: unknown; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; maxItems?: number; pattern?: string; format?: string };

// A nullable or either-or field is an anyOf: its alternatives' types, and the rules they carry.
function typeOf(s: JsonSchema): string {
  if (s.anyOf) return [...new Set(s.anyOf.map(typeOf))].join(" | ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === "array") return `${s.items ? typeOf(s.items) : "any"}[]`;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  return s.type ?? "any";
}

function rules(s: JsonSchema): string {
  if (s.anyOf) return [...new Set([rulesOf(s), ...s.anyOf.map(rules)].filter(Boolean))].join(", ");
  return rulesOf(s);
}

function rulesOf(s: JsonSchema): string {
  const out: string[] = [];
  if (s.minLength !== undefined) out.push(`min length ${s.minLength}`);
  if (s.maxLength !== undefined) out.push(`max length ${s.maxLength}`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems}`);
  if (s.format) out.push(s.format);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out.join(", ");
}

interface Row {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

function rows(properties: Record<string, JsonSchema>, required: string[], prefix = ""): Row[] {
  return Object.entries(properties).flatMap(([name, schema]) => {
    const row = { name: `${prefix}${name}`, schema, required: required.includes(name) };
    const items = schema.type === "array" ? schema.items : undefined;
    if (items?.properties) return [row, ...rows(items.properties, items.required ?? [], `${prefix}${name}[].`)];
    return schema.properties ? [row, ...rows(schema.properties, schema.required ?? [], `${prefix}${name}.`)] : [row];
  });
}

export function SchemaTable({ properties, required }: { properties: Record<string, JsonSchema>; required: string[] }) {
  return (
    // On a phone each field is a card (app/globals.css, `.table-cards`; the labels written here, as
    // this page has no script to copy them from the headers as components/ui/table.tsx does).
    <div className="table-cards overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-zinc-500">
          <tr>
            <th className="py-1 pr-4 font-medium">Field</th>
            <th className="py-1 pr-4 font-medium">Type</th>
            <th className="py-1 font-medium">Rules</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows(properties, required).map(({ name, schema: s, required: isRequired }) => {
            const limits = rules(s);
            return (
              <tr key={name}>
                <td className="py-1.5 pr-4 font-mono text-xs">
                  {name}
                  {isRequired && <span className="ml-1 text-red-600">required</span>}
                </td>
                <td data-label="Type" className="py-1.5 pr-4 font-mono text-xs text-zinc-600 dark:text-zinc-400">{typeOf(s)}</td>
                <td data-label="Rules" className="py-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                  {s.description && <InlineMarkdown text={s.description} />}
                  {s.description && limits ? " · " : ""}
                  {limits}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
