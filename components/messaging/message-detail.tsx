"use client";
// A message's page: its text and media, its tracked links and their clicks, its full history, the facts and parts, and Cancel while it
// is scheduled. Refreshed every 1.5 s while it is on its way, so receipts show up as they arrive.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Ban } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { BackLink, DetailPageState } from "@/components/app/detail-page-state";
import { PageHeader } from "@/components/app/page-header";
import { MessageLinksCard } from "@/components/links/message-links-card";
import { IN_FLIGHT_REFRESH_MS, isInFlight } from "@/components/messaging/in-flight";
import { MessageBodyCard } from "@/components/messaging/message-body-card";
import { MessageFactsCard } from "@/components/messaging/message-facts-card";
import { MessageHistoryCard } from "@/components/messaging/message-history-card";
import { MessageStatusBadge } from "@/components/messaging/message-status-badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

const BACK = { href: "/messages", label: "Messages" };

export function MessageDetailScreen({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const message = useQuery(
    trpc.messages.get.queryOptions(
      { id },
      { retry: false, refetchInterval: (query) => (query.state.data && isInFlight(query.state.data.status) ? IN_FLIGHT_REFRESH_MS : false) },
    ),
  );
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(
    trpc.messages.cancel.mutationOptions({
      onSuccess: async () => {
        toast.success("Message canceled");
        setConfirming(false);
        await queryClient.invalidateQueries({ queryKey: trpc.messages.pathKey() });
      },
      onError: (error) => {
        setConfirming(false);
        toast.error(errorMessage(error));
      },
    }),
  );

  if (message.isPending || message.isError) return <DetailPageState query={message} noun="message" back={BACK} />;

  const m = message.data;
  const outbound = m.direction === "OUTBOUND";
  return (
    <div>
      <BackLink {...BACK} />
      <PageHeader
        title={outbound ? `Message to ${m.to}` : `Message from ${m.from}`}
        description={
          <span className="flex items-center gap-2">
            <span className="font-mono text-xs">{m.id}</span>
            <MessageStatusBadge status={m.status} />
          </span>
        }
        actions={
          m.status === "SCHEDULED" && (
            <Button variant="secondary" className="text-red-700 dark:text-red-400" onClick={() => setConfirming(true)}>
              <Ban className="h-4 w-4" aria-hidden /> Cancel message
            </Button>
          )
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <MessageBodyCard message={m} />
          {outbound && <MessageLinksCard messageId={m.id} />}
          <MessageHistoryCard events={m.events} />
        </div>
        <MessageFactsCard message={m} />
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => cancel.mutate({ id: m.id })}
        pending={cancel.isPending}
        title="Cancel this message?"
        confirmLabel="Cancel message"
        cancelLabel="Keep scheduled"
      >
        The message to {m.to} will not be sent. It stays in the log as canceled.
      </ConfirmDialog>
    </div>
  );
}
