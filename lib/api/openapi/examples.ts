// Request examples for the docs page, in curl and TypeScript, made from an operation and its example.
import type { ApiOperation } from "@/lib/api/openapi/operations";

const samplePath = (path: string) => path.replace("{id}", "msg_01jf0000000000000000000000");

// A fresh random key per run, from a tool every shell with curl has: `uuidgen` is missing on many
// Linux installs (Debian's is in uuid-runtime), where the shell said "uuidgen: not found" and curl,
// given an empty header, sent none: the retry safety the example shows was silently gone.
const CURL_IDEMPOTENCY_KEY = "$(openssl rand -hex 16)";

export function curlExample(baseUrl: string, op: ApiOperation): string {
  const lines = [`curl ${op.method === "get" ? "" : "-X POST "}${baseUrl}${samplePath(op.path)} \\`, `  -H "Authorization: Bearer $TEXTSTACK_API_KEY"`];
  if (op.method === "post") {
    lines[lines.length - 1] += " \\";
    lines.push(`  -H "Content-Type: application/json" \\`, `  -H "Idempotency-Key: ${CURL_IDEMPOTENCY_KEY}"${op.example ? " \\" : ""}`);
    // Single-quoted for the shell, so an apostrophe in an example body must close and reopen the quote.
    if (op.example) lines.push(`  -d '${JSON.stringify(op.example).replaceAll("'", "'\\''")}'`);
  }
  return lines.join("\n");
}

export function typescriptExample(baseUrl: string, op: ApiOperation): string {
  const init =
    op.method === "post"
      ? `{
  method: "POST",
  headers: {
    Authorization: \`Bearer \${process.env.TEXTSTACK_API_KEY}\`,
    "Content-Type": "application/json",
    "Idempotency-Key": crypto.randomUUID(),
  },
  body: JSON.stringify(${JSON.stringify(op.example ?? {}, null, 2).replace(/\n/g, "\n  ")}),
}`
      : `{
  headers: { Authorization: \`Bearer \${process.env.TEXTSTACK_API_KEY}\` },
}`;
  return `const response = await fetch("${baseUrl}${samplePath(op.path)}", ${init});
const result = await response.json();
if (!response.ok) throw new Error(\`\${result.error.code}: \${result.error.message}\`);`;
}
