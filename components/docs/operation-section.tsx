import { CodeBlock } from "@/components/docs/code-block";
import { InlineMarkdown } from "@/components/docs/inline-markdown";
import { SchemaTable } from "@/components/docs/schema-table";
import { jsonSchema } from "@/lib/api/openapi/json-schema";
import { curlExample, typescriptExample } from "@/lib/api/openapi/examples";
import type { ApiOperation } from "@/lib/api/openapi/operations";
import { responseExample } from "@/lib/api/openapi/response-examples";

type Props = Parameters<typeof SchemaTable>[0];

function fields(schema: ApiOperation["body"]): Props | null {
  if (!schema) return null;
  const json = jsonSchema(schema, "input") as { properties?: Props["properties"]; required?: string[] };
  return json.properties ? { properties: json.properties, required: json.required ?? [] } : null;
}

// "The queued message" reads on as "answers 201 with the queued message"; only the first letter, so
// code in the description (`Idempotency-Key`) keeps its case.
// A CSV example is shown as the text it is (without its byte order mark), JSON pretty-printed.
const responseText = (example: unknown) => (typeof example === "string" ? example.replace(/^\ufeff/, "") : JSON.stringify(example, null, 2));

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function OperationSection({ op, baseUrl }: { op: ApiOperation; baseUrl: string }) {
  const body = fields(op.body);
  const query = fields(op.query);
  return (
    <section id={op.id} className="scroll-mt-6 space-y-4 border-t border-zinc-200 pt-8 dark:border-zinc-800">
      <div>
        <h3 className="text-lg font-semibold">{op.summary}</h3>
        <p className="mt-1 font-mono text-sm">
          <span className={op.method === "get" ? "text-emerald-600" : "text-blue-600"}>{op.method.toUpperCase()}</span> {op.path}
        </p>
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          <InlineMarkdown text={op.description} />
        </p>
        <p className="mt-1 text-xs text-zinc-500">
          Scope <code>{op.scope}</code> · answers {op.response.status} with <InlineMarkdown text={lowerFirst(op.response.description)} />
        </p>
      </div>
      {query && (
        <div>
          <h4 className="mb-1 text-sm font-medium">Query parameters</h4>
          <SchemaTable {...query} />
        </div>
      )}
      {body && (
        <div>
          <h4 className="mb-1 text-sm font-medium">Body ({op.bodyType === "multipart" ? "multipart/form-data" : "JSON"}; unknown fields are refused)</h4>
          <SchemaTable {...body} />
        </div>
      )}
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        <CodeBlock title="curl" code={curlExample(baseUrl, op)} />
        <CodeBlock title="TypeScript" code={typescriptExample(baseUrl, op)} />
      </div>
      <CodeBlock title={`Response ${op.response.status}${op.response.contentType ? ` (${op.response.contentType})` : ""}`} code={responseText(responseExample(baseUrl, op))} />
    </section>
  );
}
