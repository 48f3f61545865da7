// What creating and revoking an API key accept: one schema each, shared by the Developers page,
// the tRPC procedures and the admin CLI.
import { z } from "zod";
import { apiScope } from "@/lib/api-keys/scopes";

export const createApiKeyInput = z.strictObject({
  name: z.string().trim().min(1, "Name the key (what uses it, e.g. \"Checkout service\")").max(100, "Use at most 100 characters"),
  scopes: z
    .array(apiScope)
    .min(1, "Choose at least one scope")
    .transform((scopes) => [...new Set(scopes)]),
  /** The key stops working at this time; none means until revoked. */
  expiresAt: z.coerce
    .date("must be a date")
    .refine((date) => date.getTime() > Date.now(), "must be in the future")
    .optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const apiKeyIdInput = z.strictObject({ id: z.string().min(1) });
export type ApiKeyIdInput = z.input<typeof apiKeyIdInput>;
