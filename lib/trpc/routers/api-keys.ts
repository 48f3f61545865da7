import { z } from "zod";
import { apiKeyIdInput, createApiKeyInput } from "@/lib/api-keys/api-key-input";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { adminProcedure, createTRPCRouter } from "@/lib/trpc/init";

// A key acts for the whole org, so only admins and owners see, make or revoke them.
export const apiKeysRouter = createTRPCRouter({
  list: adminProcedure.input(z.void()).query(({ ctx }) => listApiKeys(ctx.org)),
  create: adminProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.org, input)),
  revoke: adminProcedure.input(apiKeyIdInput).mutation(({ ctx, input }) => revokeApiKey(ctx.org, input)),
});
