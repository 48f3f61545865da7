// The simulator's virtual phones (the Phones page): for every member, as a way to try the org's
// messaging end to end without a carrier.
import { listVirtualPhones } from "@/lib/simulator/list-virtual-phones";
import { listVirtualPhonesInput, phoneReplyInput, phoneThreadInput } from "@/lib/simulator/phone-input";
import { phoneThread } from "@/lib/simulator/phone-thread";
import { replyFromPhone } from "@/lib/simulator/reply-from-phone";
import { createTRPCRouter, orgProcedure } from "@/lib/trpc/init";

export const phonesRouter = createTRPCRouter({
  list: orgProcedure.input(listVirtualPhonesInput).query(({ ctx, input }) => listVirtualPhones(ctx.org, input)),
  thread: orgProcedure.input(phoneThreadInput).query(({ ctx, input }) => phoneThread(ctx.org, input)),
  reply: orgProcedure.input(phoneReplyInput).mutation(({ ctx, input }) => replyFromPhone(ctx.org, ctx.db, input)),
});
