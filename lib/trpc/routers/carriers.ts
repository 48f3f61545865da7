import { z } from "zod";
import { connectionIdInput, createConnectionInput, updateConnectionInput } from "@/lib/delivery/connection-input";
import { createConnection, deleteConnection, listConnections, updateConnection } from "@/lib/delivery/manage-connections";
import { createSender, deleteSender, listSenders, updateSender } from "@/lib/senders/manage-senders";
import { createSenderInput, senderIdInput, updateSenderInput } from "@/lib/senders/sender-input";
import { adminProcedure, createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

export const carriersRouter = createTRPCRouter({
  // Connection settings name hosts and accounts: admins only (secrets are never returned at all).
  connections: createTRPCRouter({
    list: adminProcedure.input(z.void()).query(({ ctx }) => listConnections(ctx.org)),
    create: adminProcedure.input(createConnectionInput).mutation(({ ctx, input }) => createConnection(ctx.org, input)),
    update: adminProcedure.input(updateConnectionInput).mutation(({ ctx, input }) => updateConnection(ctx.org, input)),
    delete: adminProcedure.input(connectionIdInput).mutation(({ ctx, input }) => deleteConnection(ctx.org, input)),
  }),
  // Every member sends from the org's numbers, so every member may see them.
  senders: createTRPCRouter({
    list: orgProcedure.input(z.void()).query(({ ctx }) => listSenders(ctx.org)),
    create: adminProcedure.input(createSenderInput).mutation(({ ctx, input }) => createSender(ctx.org, input)),
    update: adminProcedure.input(updateSenderInput).mutation(({ ctx, input }) => updateSender(ctx.org, input)),
    delete: adminProcedure.input(senderIdInput).mutation(({ ctx, input }) => deleteSender(ctx.org, input)),
  }),
});
