"use client";
// The link of a just-created invitation. With no mail server it is the only way to deliver it,
// and the server keeps only a hash of the token, so this is the one time it can be shown.
import { CopyField } from "@/components/ui/copy-field";

export function InviteLink({ email, url }: { email: string; url: string }) {
  return (
    <div role="region" aria-label="Invitation created" className="rounded-md border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950/40">
      <p className="mb-3 text-sm">
        Send this link to <strong>{email}</strong>. It is shown only now; if it gets lost, revoke the invitation and create a new one.
      </p>
      <CopyField label="Invitation link" value={url} copiedMessage="Invitation link copied" />
    </div>
  );
}
