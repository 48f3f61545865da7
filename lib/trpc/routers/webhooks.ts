import { z } from "zod";
import { adminProcedure, createTRPCRouter, orgProcedure } from "@/lib/trpc/init";
import { createEndpointInput, deliveryIdInput, endpointIdInput, listDeliveriesInput, updateEndpointInput } from "@/lib/webhooks/endpoint-input";
import { getDelivery, listDeliveries } from "@/lib/webhooks/list-deliveries";
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, rotateEndpointSecret, updateEndpoint } from "@/lib/webhooks/manage-endpoints";
import { replayDelivery, sendTestEvent } from "@/lib/webhooks/replay-delivery";

// Reads for every member (the log shows what the org's messages did); changes for admins.
export const webhooksRouter = createTRPCRouter({
  endpoints: createTRPCRouter({
    list: orgProcedure.input(z.void()).query(({ ctx }) => listEndpoints(ctx.org)),
    get: orgProcedure.input(endpointIdInput).query(({ ctx, input }) => getEndpoint(ctx.org, input)),
    create: adminProcedure.input(createEndpointInput).mutation(({ ctx, input }) => createEndpoint(ctx.org, input)),
    update: adminProcedure.input(updateEndpointInput).mutation(({ ctx, input }) => updateEndpoint(ctx.org, input)),
    rotateSecret: adminProcedure.input(endpointIdInput).mutation(({ ctx, input }) => rotateEndpointSecret(ctx.org, input)),
    delete: adminProcedure.input(endpointIdInput).mutation(({ ctx, input }) => deleteEndpoint(ctx.org, input)),
    sendTest: adminProcedure.input(endpointIdInput).mutation(({ ctx, input }) => sendTestEvent(ctx.org, input)),
  }),
  deliveries: createTRPCRouter({
    list: orgProcedure.input(listDeliveriesInput).query(({ ctx, input }) => listDeliveries(ctx.org, input)),
    get: orgProcedure.input(deliveryIdInput).query(({ ctx, input }) => getDelivery(ctx.org, input)),
    replay: adminProcedure.input(deliveryIdInput).mutation(({ ctx, input }) => replayDelivery(ctx.org, input)),
  }),
});
