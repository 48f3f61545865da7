// Request examples for the docs page, in curl and TypeScript, made from an operation and its example.
import type { ApiOperation } from "@/lib/api/openapi/operations";

// A path's {id} as the resource's own kind of id, so an example reads like a real call (and the
// response examples, lib/api/openapi/response-examples.ts, answer with the same ids).
export const SAMPLE_IDS = {
  messages: "msg_01jf0000000000000000000000",
  contacts: "ct_01jf0000000000000000000000",
  lists: "lst_01jf0000000000000000000000",
  segments: "seg_01jf0000000000000000000000",
  campaigns: "cmp_01jf0000000000000000000000",
  verifications: "ver_01jf0000000000000000000000",
  webhook_endpoints: "we_01jf0000000000000000000000",
  webhook_deliveries: "wd_01jf0000000000000000000000",
} as const;

const samplePath = (path: string) => path.replace("{id}", () => (SAMPLE_IDS as Record<string, string>)[path.split("/")[3]!]!);

// A fresh random key per run, from a tool every shell with curl has: `uuidgen` is missing on many
// Linux installs (Debian's is in uuid-runtime), where the shell said "uuidgen: not found" and curl,
// given an empty header, sent none: the retry safety the example shows was silently gone.
const CURL_IDEMPOTENCY_KEY = "$(openssl rand -hex 16)";
const SAMPLE_FILE = "menu.png";

export function curlExample(baseUrl: string, op: ApiOperation): string {
  const method = op.method.toUpperCase();
  const lines = [`curl ${op.method === "get" ? "" : `-X ${method} `}${baseUrl}${samplePath(op.path)}`, `  -H "Authorization: Bearer $TEXTSTACK_API_KEY"`];
  if (op.bodyType === "multipart") lines.push(`  -H "Idempotency-Key: ${CURL_IDEMPOTENCY_KEY}"`, `  -F "file=@${SAMPLE_FILE}"`);
  else if (op.method === "post" || op.body) {
    lines.push(`  -H "Content-Type: application/json"`);
    if (op.method === "post") lines.push(`  -H "Idempotency-Key: ${CURL_IDEMPOTENCY_KEY}"`);
    // Single-quoted for the shell, so an apostrophe in an example body must close and reopen the quote.
    if (op.example) lines.push(`  -d '${JSON.stringify(op.example).replaceAll("'", "'\\''")}'`);
  }
  if (op.response.contentType === "text/csv") lines.push("  -o contacts.csv");
  return lines.join(" \\\n");
}

export function typescriptExample(baseUrl: string, op: ApiOperation): string {
  const url = `"${baseUrl}${samplePath(op.path)}"`;
  const auth = `Authorization: \`Bearer \${process.env.TEXTSTACK_API_KEY}\``;
  let call: string;
  if (op.bodyType === "multipart") {
    call = `import { readFile } from "node:fs/promises";

const form = new FormData();
form.append("file", new Blob([await readFile("${SAMPLE_FILE}")], { type: "image/png" }), "${SAMPLE_FILE}");
const response = await fetch(${url}, {
  method: "POST",
  headers: { ${auth}, "Idempotency-Key": crypto.randomUUID() },
  body: form,
});`;
  } else if (op.response.contentType === "text/csv") {
    // Streamed to disk as it comes: an export of a million contacts is never held in memory.
    return `import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

const response = await fetch(${url}, {
  headers: { ${auth} },
});
if (!response.ok) throw new Error(\`\${response.status}: \${await response.text()}\`);
await pipeline(Readable.fromWeb(response.body!), createWriteStream("contacts.csv"));`;
  } else if (op.method === "get" || op.method === "delete" || (!op.body && op.method !== "post")) {
    call = `const response = await fetch(${url}, {${op.method === "get" ? "" : `\n  method: "${op.method.toUpperCase()}",`}
  headers: { ${auth} },
});`;
  } else {
    call = `const response = await fetch(${url}, {
  method: "${op.method.toUpperCase()}",
  headers: {
    ${auth},
    "Content-Type": "application/json",${op.method === "post" ? `\n    "Idempotency-Key": crypto.randomUUID(),` : ""}
  },
  body: JSON.stringify(${JSON.stringify(op.example ?? {}, null, 2).replace(/\n/g, "\n  ")}),
});`;
  }
  return `${call}
const result = await response.json();
if (!response.ok) throw new Error(\`\${result.error.code}: \${result.error.message}\`);`;
}
