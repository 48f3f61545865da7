// The fields of a request schema (its JSON Schema), as a table: name, type, required, rules.
import { InlineMarkdown } from "@/components/docs/inline-markdown";

type JsonSchema = { type?: string | string[]; enum?: unknown[]; items?: JsonSchema; description?: string; default?: unknown; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; maxItems?: number; pattern?: string; format?: string };

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.type === "array") return `${s.items ? typeOf(s.items) : "any"}[]`;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  return s.type ?? (s.format ?? "ISO 8601 time or value");
}

function rules(s: JsonSchema): string {
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

export function SchemaTable({ properties, required }: { properties: Record<string, JsonSchema>; required: string[] }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-zinc-500">
        <tr>
          <th className="py-1 pr-4 font-medium">Field</th>
          <th className="py-1 pr-4 font-medium">Type</th>
          <th className="py-1 font-medium">Rules</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {Object.entries(properties).map(([name, s]) => {
          const limits = rules(s);
          return (
            <tr key={name}>
              <td className="py-1.5 pr-4 font-mono text-xs">
                {name}
                {required.includes(name) && <span className="ml-1 text-red-600">required</span>}
              </td>
              <td className="py-1.5 pr-4 font-mono text-xs text-zinc-600 dark:text-zinc-400">{typeOf(s)}</td>
              <td className="py-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                {s.description && <InlineMarkdown text={s.description} />}
                {s.description && limits ? " · " : ""}
                {limits}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
