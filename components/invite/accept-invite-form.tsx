"use client";
import { FormError } from "@/components/ui/field";
import { useActionState } from "react";
import { acceptInviteAction, type AcceptInviteState } from "@/app/invite/[token]/actions";
import { Button } from "@/components/ui/button";

const initial: AcceptInviteState = { error: null };

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptInviteAction, initial);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormError>{state.error}</FormError>
      <Button type="submit" className="w-full justify-center" loading={pending}>
        Accept invitation
      </Button>
    </form>
  );
}
