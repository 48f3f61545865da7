// What an API key may do. This one list feeds the input validation, the authorisation checks of
// the REST routes and the checkboxes (with their labels) on the Developers page. Only scopes that
// guard a route, or a parameter of one (messages:transactional), are offered
// (tests/unit/api-keys.test.ts): a feature adds its scope here, one line, with its routes.
import { z } from "zod";

export const API_SCOPES = [
  { scope: "messages:send", label: "Send messages", description: "Send, batch-send and cancel scheduled messages" },
  {
    scope: "messages:transactional",
    label: "Send transactional messages",
    description: "Send with marketing: false (codes, receipts), which reaches contacts who opted out; audited when it does",
  },
  { scope: "messages:read", label: "Read messages", description: "Get and list messages with their status history" },
  { scope: "contacts:read", label: "Read contacts", description: "Get, list and export contacts, lists and segments, and count segments" },
  { scope: "contacts:write", label: "Write contacts", description: "Create, update and delete contacts, lists, list membership and segments" },
  { scope: "campaigns:read", label: "Read campaigns", description: "Get and list campaigns, their plans and their stats" },
  { scope: "campaigns:write", label: "Write campaigns", description: "Create campaigns, send or schedule them, pause, resume and cancel them" },
  { scope: "webhooks:manage", label: "Manage webhooks", description: "Create, read, change and delete webhook endpoints, read their delivery logs and replay deliveries" },
  { scope: "verify", label: "Verification codes", description: "Send and check verification codes" },
  { scope: "events:write", label: "Send events", description: "Send events about contacts that start workflows (POST /events)" },
] as const;

export type ApiScope = (typeof API_SCOPES)[number]["scope"];

export const apiScope = z.enum(API_SCOPES.map((s) => s.scope) as [ApiScope, ...ApiScope[]], "is not a known scope");
