"use client";
// Opting a contact out of marketing, or back in, on their behalf: asks first, saying what it means,
// then records it as a STOP or START from them would be (contacts.changeConsent: consent history,
// audit, webhook, their queued marketing canceled). Like REST's opt_in, an opt-in takes no statement:
// the confirm asks the member to opt someone in only when that person asked for it.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { contactName } from "@/components/contacts/contact-name";
import type { ContactDetail } from "@/components/contacts/contact-types";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function ConsentControl({ contact }: { contact: ContactDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const optedIn = contact.consentStatus === "OPTED_IN";
  const who = contactName(contact) ?? contact.phone;
  const change = useMutation(
    trpc.contacts.changeConsent.mutationOptions({
      onSuccess: async (updated) => {
        toast.success(updated.consentStatus === "OPTED_OUT" ? `${who} opted out` : `${who} opted in`);
        setConfirming(false);
        // The contact (badge, consent card, table), its history, and the messages an opt-out canceled.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.messages.pathKey() }),
        ]);
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
        {optedIn ? "Opt out" : "Opt in"}
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => change.mutate({ id: contact.id, kind: optedIn ? "OPT_OUT" : "OPT_IN" })}
        pending={change.isPending}
        title={optedIn ? `Opt ${who} out of marketing?` : `Opt ${who} back in to marketing?`}
        confirmLabel={optedIn ? "Opt out" : "Opt in"}
        cancelLabel={optedIn ? "Keep opted in" : "Keep opted out"}
        confirmVariant={optedIn ? "danger" : "primary"}
      >
        {optedIn ? (
          <div className="space-y-2">
            <p>
              They will get no more marketing texts until they text START or are opted back in here. Marketing already queued or scheduled
              for them is canceled. Transactional texts (codes, receipts, replies they asked for) still go.
            </p>
            <p>The opt-out is recorded in their consent history as made by you.</p>
          </div>
        ) : (
          <div className="space-y-2">
            <p>
              Only opt someone back in when they asked for it, for example in writing or by telling you in person; they can also text START
              themselves. They will get your marketing texts again.
            </p>
            <p>The opt-in is recorded in their consent history as made by you.</p>
          </div>
        )}
      </ConfirmDialog>
    </>
  );
}
