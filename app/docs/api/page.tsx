// /docs/api: the REST v1 reference, rendered from the same operation list and zod schemas as
// /api/v1/openapi.json, with the conventions every endpoint shares.
import { ArrowLeft, MessageSquareText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CodeBlock } from "@/components/docs/code-block";
import { OperationSection } from "@/components/docs/operation-section";
import { SegmentRules } from "@/components/docs/segment-rules";
import { twilioExample } from "@/components/docs/twilio-example";
import { API_ERROR_STATUS } from "@/lib/errors/error-codes";
import { OPERATIONS } from "@/lib/api/openapi/operations";
import { env } from "@/lib/env";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

// The recipient in the operations' examples (lib/api/openapi/operations.ts): a 555-01xx number, set
// aside for fiction, so a pasted example never texts a stranger.
const EXAMPLE_NUMBER = "+14155550123";

const VERIFY_WEBHOOK = `import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.TEXTSTACK_WEBHOOK_SECRET); // whsec_... from the Developers page
// In your handler, with the raw body and the request's headers:
const event = wh.verify(rawBody, {
  "webhook-id": headers["webhook-id"],
  "webhook-timestamp": headers["webhook-timestamp"],
  "webhook-signature": headers["webhook-signature"],
}); // throws when the signature does not match
// event.type: "message.delivered", event.data: the message`;

function Conventions({ base }: { base: string }) {
  const p = "text-sm leading-relaxed text-zinc-700 dark:text-zinc-300";
  return (
    <div className="space-y-8">
      <section id="authentication" className="space-y-2">
        <h2 className="text-xl font-semibold">Authentication</h2>
        <p className={p}>
          Create an API key on the Developers page (it is shown once) with the scopes it needs, and send it as <code>Authorization: Bearer tsk_live_...</code>.
          A missing, invalid, expired or revoked key gets 401; a key without the operation&apos;s scope gets 403 naming the scope.
        </p>
        <p className={p} id="using-the-examples">
          The curl examples run as they are in a POSIX shell (macOS, Linux, WSL) once your key is in the environment:{" "}
          <code>export TEXTSTACK_API_KEY=tsk_live_...</code>. Put the recipient&apos;s number where the examples have <code>{EXAMPLE_NUMBER}</code> (E.164,
          or national form in your organisation&apos;s default country). Without <code>from</code>, a message goes from your organisation&apos;s first sender
          number. <code>Idempotency-Key</code> is any unique string of yours up to 255 characters; the examples make a random one with <code>openssl</code>.
        </p>
        <CodeBlock title="Send your first message" code={`curl -X POST ${base}/api/v1/messages \\\n  -H "Authorization: Bearer $TEXTSTACK_API_KEY" \\\n  -H "Content-Type: application/json" \\\n  -d '{"to": "${EXAMPLE_NUMBER}", "body": "Hello from Textstack"}'`} />
      </section>
      <section id="conventions" className="space-y-2">
        <h2 className="text-xl font-semibold">Conventions</h2>
        <ul className={`${p} list-disc space-y-1 pl-5`}>
          <li><strong>Idempotency:</strong> send <code>Idempotency-Key</code> on any POST. A retry with the same key and body gets the first response (for 24 hours); the same key with another body gets 422 <code>idempotency_key_reused</code>.</li>
          <li><strong>Rate limits:</strong> every response carries <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code>; past the limit you get 429 with <code>Retry-After</code>.</li>
          <li><strong>Pagination:</strong> lists take <code>limit</code> (1–100) and <code>starting_after</code>, and answer <code>{"{ data, has_more, next_cursor }"}</code>, newest first.</li>
          <li><strong>Times</strong> are ISO 8601 in UTC; <strong>money</strong> is integers (<code>price_micros</code>: millionths of the currency unit).</li>
        </ul>
      </section>
      <section id="errors" className="space-y-2">
        <h2 className="text-xl font-semibold">Errors</h2>
        <p className={p}>Errors are JSON with a stable code, a message, and the offending parameter:</p>
        <CodeBlock title="400" code={JSON.stringify({ error: { code: "invalid_phone_number", message: '"12" is not a phone number', param: "to", doc_url: `${base}/docs/api#errors-invalid_phone_number` } }, null, 2)} />
        <table className="w-full text-left text-sm">
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {Object.entries(API_ERROR_STATUS).map(([code, status]) => (
              <tr key={code} id={`errors-${code}`} className="scroll-mt-6">
                <td className="py-1 pr-4 font-mono text-xs">{code}</td>
                <td className="py-1 text-xs text-zinc-500">HTTP {status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section id="merge-fields" className="space-y-2">
        <h2 className="text-xl font-semibold">Merge fields</h2>
        <p className={p}>
          A message&apos;s <code>body</code> may name the recipient&apos;s fields: <code>{"{{first_name}}"}</code>, <code>{"{{last_name}}"}</code>,{" "}
          <code>{"{{phone}}"}</code>, <code>{"{{email}}"}</code> and your custom fields as <code>{"{{custom.<key>}}"}</code>, with what to say when a
          contact has no value after a bar: <code>{"{{first_name|there}}"}</code>. Each recipient gets its own text, and the message&apos;s{" "}
          <code>body</code>, <code>num_segments</code> and <code>price_micros</code> are those of that text (a scheduled message is filled in when it
          is accepted). A field you do not have is refused, naming it (<code>unknown_merge_field</code>, <code>param: &quot;body&quot;</code>); a
          number that is not one of your contacts has no values but its own, so a field there without a fallback is refused
          (<code>merge_field_without_value</code>). Send <code>{`"merge_fields": false`}</code> to send braces as written.
        </p>
        <p className={p}>
          <code>{`"marketing": false`}</code> makes a message transactional (codes, receipts): it reaches contacts who opted out, so the key needs the{" "}
          <code>messages:transactional</code> scope (403 <code>insufficient_scope</code> naming it otherwise), and each one sent to a contact who
          opted out is recorded in your audit log.
        </p>
      </section>
      <SegmentRules className={p} />
      <section id="webhooks" className="space-y-2">
        <h2 className="text-xl font-semibold">Webhooks</h2>
        <p className={p}>
          Add an endpoint on the Developers page, or with <a href="#createWebhookEndpoint" className="underline">the API</a>, to receive{" "}
          {WEBHOOK_EVENT_TYPES.slice(0, -1).join(", ")} and {WEBHOOK_EVENT_TYPES.at(-1)}.
          Deliveries are signed per the Standard Webhooks spec and retried for over a day; events of one message arrive in order.
        </p>
        <CodeBlock title="Verify a delivery (TypeScript)" code={VERIFY_WEBHOOK} />
      </section>
      <section id="twilio" className="space-y-2">
        <h2 className="text-xl font-semibold">Twilio-compatible API</h2>
        <p className={p}>
          Existing Twilio code works by changing its base URL: <code>POST/GET {base}/2010-04-01/Accounts/{"{AccountSid}"}/Messages.json</code> and{" "}
          <code>.../Messages/{"{Sid}"}.json</code>, form-encoded in and Twilio&apos;s JSON out, with HTTP Basic auth.
        </p>
        <p className={p}>
          Twilio requires <code>From</code> or <code>MessagingServiceSid</code>; here <code>From</code> may be left out, and the message goes from your
          organisation&apos;s first sender number, as the example below does. To choose the number, send <code>From</code> (one of your sender
          numbers); <code>MessagingServiceSid</code> is not supported.
        </p>
        <p className={p}>
          <code>Body</code> is sent as written, as Twilio sends it: <a href="#merge-fields" className="underline">merge fields</a> are not filled in
          here, since code written for Twilio may carry braces of its own and Twilio&apos;s templates are a separate API (Content). Use REST v1 for
          merge fields.
        </p>
        <CodeBlock title="The official twilio client" code={twilioExample(base, EXAMPLE_NUMBER)} />
      </section>
    </div>
  );
}

export default function ApiDocsPage() {
  const base = env.APP_URL.replace(/\/$/, "");
  const tags = [...new Set(OPERATIONS.map((op) => op.tag))];
  return (
    <>
      {/* The way back to the app (signed out, "/" leads to sign-in). */}
      <div className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <MessageSquareText className="h-4 w-4 text-brand-600" aria-hidden /> Textstack
          </Link>
          <Link href="/developers" className="flex items-center gap-1 text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            <ArrowLeft className="h-4 w-4" aria-hidden /> Back to the app: API keys and webhooks
          </Link>
        </div>
      </div>
      <div className="mx-auto flex max-w-6xl gap-10 px-4 py-10 sm:px-6">
        <nav className="sticky top-6 hidden h-fit max-h-[calc(100vh-3rem)] w-56 shrink-0 space-y-4 overflow-y-auto text-sm lg:block" aria-label="API reference">
          <a href="#authentication" className="block font-medium">Getting started</a>
          <a href="#errors" className="block font-medium">Errors</a>
          <a href="#merge-fields" className="block font-medium">Merge fields</a>
          <a href="#segment-rules" className="block font-medium">Segment rules</a>
          <a href="#webhooks" className="block font-medium">Webhooks</a>
          <a href="#twilio" className="block font-medium">Twilio-compatible API</a>
          {tags.map((tag) => (
            <div key={tag}>
              <p className="font-medium">{tag}</p>
              {OPERATIONS.filter((op) => op.tag === tag).map((op) => (
                <a key={op.id} href={`#${op.id}`} className="block py-0.5 text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
                  {op.summary}
                </a>
              ))}
            </div>
          ))}
          <a href="/api/v1/openapi.json" className="block text-zinc-600 underline dark:text-zinc-400">OpenAPI 3.1 (JSON)</a>
        </nav>
        <main className="min-w-0 flex-1 space-y-10">
          <header>
            <h1 className="text-3xl font-semibold">Textstack API</h1>
            <p className="mt-2 text-zinc-600 dark:text-zinc-400">Send SMS and MMS, follow their delivery with signed webhooks, manage contacts, lists, segments and webhook endpoints, export contacts as CSV, send and follow campaigns, start workflows with events about your contacts, and verify phone numbers. Base URL: <code>{base}</code></p>
          </header>
          <Conventions base={base} />
          {tags.map((tag) => (
            <div key={tag} className="space-y-6">
              <h2 className="text-2xl font-semibold">{tag}</h2>
              {OPERATIONS.filter((op) => op.tag === tag).map((op) => (
                <OperationSection key={op.id} op={op} baseUrl={base} />
              ))}
            </div>
          ))}
        </main>
      </div>
    </>
  );
}
