import { analyticsRouter } from "@/lib/trpc/routers/analytics";
import { apiKeysRouter } from "@/lib/trpc/routers/api-keys";
import { auditRouter } from "@/lib/trpc/routers/audit";
import { campaignsRouter } from "@/lib/trpc/routers/campaigns";
import { carriersRouter } from "@/lib/trpc/routers/carriers";
import { contactImportsRouter } from "@/lib/trpc/routers/contact-imports";
import { contactsRouter } from "@/lib/trpc/routers/contacts";
import { customFieldsRouter } from "@/lib/trpc/routers/custom-fields";
import { jobsRouter } from "@/lib/trpc/routers/jobs";
import { keywordsRouter } from "@/lib/trpc/routers/keywords";
import { listsRouter } from "@/lib/trpc/routers/lists";
import { mediaRouter } from "@/lib/trpc/routers/media";
import { membersRouter } from "@/lib/trpc/routers/members";
import { messagesRouter } from "@/lib/trpc/routers/messages";
import { orgRouter } from "@/lib/trpc/routers/org";
import { phonesRouter } from "@/lib/trpc/routers/phones";
import { segmentsRouter } from "@/lib/trpc/routers/segments";
import { inboxRouter } from "@/lib/trpc/routers/inbox";
import { twilioApiRouter } from "@/lib/trpc/routers/twilio-api";
import { webhooksRouter } from "@/lib/trpc/routers/webhooks";
import { workflowsRouter } from "@/lib/trpc/routers/workflows";
import { workflowRunsRouter } from "@/lib/trpc/routers/workflow-runs";
import { createCallerFactory, createTRPCRouter } from "@/lib/trpc/init";

export const appRouter = createTRPCRouter({
  org: orgRouter,
  analytics: analyticsRouter,
  contacts: contactsRouter,
  contactImports: contactImportsRouter,
  lists: listsRouter,
  segments: segmentsRouter,
  inbox: inboxRouter,
  campaigns: campaignsRouter,
  customFields: customFieldsRouter,
  members: membersRouter,
  audit: auditRouter,
  jobs: jobsRouter,
  messages: messagesRouter,
  media: mediaRouter,
  carriers: carriersRouter,
  phones: phonesRouter,
  twilioApi: twilioApiRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  keywords: keywordsRouter,
  workflows: workflowsRouter,
  workflowRuns: workflowRunsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
