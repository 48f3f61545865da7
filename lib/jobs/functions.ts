// Every Inngest function of the app (one file each in lib/jobs/), served at /api/inngest and
// registered with the Inngest server on sync.
import type { InngestFunction } from "inngest";
import { checkAnniversaryTriggersJob } from "@/lib/jobs/check-anniversary-triggers";
import { checkSegmentTriggersJob } from "@/lib/jobs/check-segment-triggers";
import { deliverWebhooksJob } from "@/lib/jobs/deliver-webhooks";
import { dispatchMessagesJob } from "@/lib/jobs/dispatch-messages";
import { fanOutCampaignJob } from "@/lib/jobs/fan-out-campaign";
import { runContactImportJob } from "@/lib/jobs/run-contact-import";
import { refreshAnalyticsJob } from "@/lib/jobs/refresh-analytics";
import { purgeExpiredInvitationsJob } from "@/lib/jobs/purge-expired-invitations";
import { pruneLiveEventsJob } from "@/lib/jobs/prune-live-events";
import { simulatorDeliverJob } from "@/lib/jobs/simulator-deliver";
import { stageContactImportJob } from "@/lib/jobs/stage-contact-import";
import { sweepCampaignsJob } from "@/lib/jobs/sweep-campaigns";
import { sweepMessagesJob } from "@/lib/jobs/sweep-messages";
import { sweepStatusCallbacksJob } from "@/lib/jobs/sweep-status-callbacks";
import { sweepWebhooksJob } from "@/lib/jobs/sweep-webhooks";
import { twilioStatusCallbackJob } from "@/lib/jobs/twilio-status-callback";
import { wakeSenderJob } from "@/lib/jobs/wake-sender";
import { wakeWebhooksJob } from "@/lib/jobs/wake-webhooks";
import { wakeSnoozedConversationsJob } from "@/lib/jobs/wake-snoozed-conversations";
import { enrollWorkflowsJob } from "@/lib/jobs/enroll-workflows";
import { runWorkflowJob } from "@/lib/jobs/run-workflow";
import { sweepWorkflowRunsJob } from "@/lib/jobs/sweep-workflow-runs";

export const functions: InngestFunction.Any[] = [
  purgeExpiredInvitationsJob,
  dispatchMessagesJob,
  wakeSenderJob,
  simulatorDeliverJob,
  sweepMessagesJob,
  deliverWebhooksJob,
  wakeWebhooksJob,
  sweepWebhooksJob,
  twilioStatusCallbackJob,
  sweepStatusCallbacksJob,
  stageContactImportJob,
  runContactImportJob,
  fanOutCampaignJob,
  sweepCampaignsJob,
  refreshAnalyticsJob,
  wakeSnoozedConversationsJob,
  pruneLiveEventsJob,
  checkSegmentTriggersJob,
  checkAnniversaryTriggersJob,
  enrollWorkflowsJob,
  runWorkflowJob,
  sweepWorkflowRunsJob,
];
