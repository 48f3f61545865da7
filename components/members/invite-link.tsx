"use client";
// The link of a just-created invitation. With no mail server it is the only way to deliver it,
// and the server keeps only a hash of the token, so this is the one time it can be shown.
import { Check, Copy } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function InviteLink({ email, url }: { email: string; url: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // The clipboard API needs a secure context (HTTPS or localhost); self-hosted installs on a
      // LAN address have neither, so fall back to the selection and the legacy copy command.
      inputRef.current?.select();
      if (!document.execCommand("copy")) {
        toast.error("Could not copy. The link is selected: copy it with your keyboard.");
        return;
      }
    }
    setCopied(true);
    toast.success("Invitation link copied");
  }

  return (
    <div role="region" aria-label="Invitation created" className="rounded-md border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950/40">
      <p className="mb-3 text-sm">
        Send this link to <strong>{email}</strong>. It is shown only now; if it gets lost, revoke the invitation and create a new one.
      </p>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <Field label="Invitation link">
            <Input ref={inputRef} value={url} readOnly onFocus={(e) => e.target.select()} className="font-mono text-xs" />
          </Field>
        </div>
        <Button variant="secondary" onClick={copy}>
          {copied ? <Check className="h-4 w-4" aria-hidden /> : <Copy className="h-4 w-4" aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
