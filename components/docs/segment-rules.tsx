// /docs/api's "Segment rules": the fields a segment's conditions name (in the API's spelling), the
// operators each type takes and what value each operator wants, from the rule model itself.
import { CodeBlock } from "@/components/docs/code-block";
import { SEGMENT_EXAMPLE } from "@/lib/api/openapi/segment-operations";
import { API_SEGMENT_FIELDS } from "@/lib/api/segments/segment-definition-params";
import { OPERATOR_LABELS, OPERATOR_VALUES } from "@/lib/segments/rule-model";

const VALUE_FORMS: Record<(typeof OPERATOR_VALUES)[keyof typeof OPERATOR_VALUES], string> = {
  none: "no value",
  text: "a text",
  number: "a number",
  range: "[from, to] numbers",
  day: "a day, YYYY-MM-DD",
  day_range: "[from, to] days",
  days: "a whole number of days",
  texts: "a list of texts",
};

export function SegmentRules({ className }: { className: string }) {
  return (
    <section id="segment-rules" className="space-y-2">
      <h2 className="text-xl font-semibold">Segment rules</h2>
      <p className={className}>
        A segment&apos;s <code>definition</code> is a <code>root</code> group that matches <code>all</code> (AND) or <code>any</code> (OR) of its{" "}
        <code>rules</code>; a rule is a condition or another group, nested up to 5 levels. Days (<code>on</code>, <code>in_last_days</code>,
        anniversaries) are read in the definition&apos;s <code>time_zone</code>. Custom fields are <code>custom.&lt;key&gt;</code> and take the operators of
        their type. Text comparisons ignore case.
      </p>
      {/* A list, not a table: the operators are the long part, and at phone width they get the whole line. */}
      <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
        {API_SEGMENT_FIELDS.map((f) => (
          <div key={f.field} className="py-1.5">
            <dt>
              <code className="text-xs">{f.field}</code> <span className="text-xs text-zinc-500">{f.type}</span>
            </dt>
            <dd className="text-xs text-zinc-700 dark:text-zinc-300">{f.operators.map((op) => `${op} (${VALUE_FORMS[OPERATOR_VALUES[op]]})`).join(", ")}</dd>
          </div>
        ))}
      </dl>
      <p className={className}>
        Operators in words: {Object.entries(OPERATOR_LABELS).map(([op, label]) => `${op} “${label}”`).join(", ")}.
      </p>
      <CodeBlock title="A nested definition" code={JSON.stringify(SEGMENT_EXAMPLE.definition, null, 2)} />
    </section>
  );
}
