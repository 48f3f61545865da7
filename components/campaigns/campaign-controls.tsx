"use client";
// Pause, resume, cancel, and a new time for a campaign that has not started. Cancel asks first and
// then says how many messages it stopped.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { formatCount } from "@/components/app/format";
import type { CampaignView } from "@/components/campaigns/campaign-types";
import { SchedulePicker } from "@/components/campaigns/schedule-picker";
import { viewerTimeZone } from "@/components/segments/definition-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import type { Schedule } from "@/lib/campaigns/campaign-input";
import { errorMessage, formErrors } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function CampaignControls({ campaign }: { campaign: CampaignView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [canceling, setCanceling] = useState(false);
  const [rescheduling, setRescheduling] = useState<Schedule | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.campaigns.pathKey() });
  const onError = (error: unknown) => toast.error(errorMessage(error));
  const pause = useMutation(
    trpc.campaigns.pause.mutationOptions({ onSuccess: async (r) => (toast.success(`Paused: ${formatCount(r.held, "message")} held`), await refresh()), onError }),
  );
  const resume = useMutation(
    trpc.campaigns.resume.mutationOptions({ onSuccess: async (r) => (toast.success(`Resumed: ${formatCount(r.released, "message")} released`), await refresh()), onError }),
  );
  const cancel = useMutation(
    trpc.campaigns.cancel.mutationOptions({
      onSuccess: async (r) => {
        setCanceling(false);
        toast.success(`Canceled: ${formatCount(r.canceled + r.notSent, "message")} will not be sent`);
        await refresh();
      },
      onError: (error) => (setCanceling(false), onError(error)),
    }),
  );
  const reschedule = useMutation(
    trpc.campaigns.schedule.mutationOptions({
      onSuccess: async () => {
        setRescheduling(null);
        toast.success("Schedule changed");
        await refresh();
      },
    }),
  );
  const s = campaign.status;
  return (
    <div className="flex flex-wrap gap-2">
      {s === "SCHEDULED" && (
        <Button variant="secondary" onClick={() => setRescheduling(campaign.schedule)}>
          Change schedule
        </Button>
      )}
      {s === "SENDING" && (
        <Button variant="secondary" loading={pause.isPending} onClick={() => pause.mutate({ id: campaign.id })}>
          Pause
        </Button>
      )}
      {s === "PAUSED" && (
        <Button loading={resume.isPending} onClick={() => resume.mutate({ id: campaign.id })}>
          Resume
        </Button>
      )}
      {(s === "SCHEDULED" || s === "SENDING" || s === "PAUSED") && (
        <Button variant="danger" onClick={() => setCanceling(true)}>
          Cancel campaign
        </Button>
      )}
      <ConfirmDialog
        open={canceling}
        onClose={() => setCanceling(false)}
        onConfirm={() => cancel.mutate({ id: campaign.id })}
        title={`Cancel “${campaign.name}”?`}
        confirmLabel="Cancel campaign"
        cancelLabel="Keep it"
        pending={cancel.isPending}
      >
        Messages not yet sent are canceled and recipients not yet messaged get nothing. Messages already sent stay sent. This cannot be undone.
      </ConfirmDialog>
      {rescheduling && (
        <Dialog open onClose={() => setRescheduling(null)} title="Change the schedule">
          <SchedulePicker value={rescheduling} onChange={setRescheduling} viewerZone={viewerTimeZone()} error={formErrors(reschedule.error).fields.schedule ?? formErrors(reschedule.error).form ?? undefined} />
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setRescheduling(null)}>
              Keep the old one
            </Button>
            <Button loading={reschedule.isPending} onClick={() => reschedule.mutate({ id: campaign.id, schedule: rescheduling })}>
              Save schedule
            </Button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
