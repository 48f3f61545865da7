"use client";
// A read-only value with a Copy button: invitation links, webhook URLs to paste elsewhere.
import { Check, Copy } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function CopyField({ label, value, copiedMessage }: { label: string; value: string; copiedMessage: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // The clipboard API needs a secure context (HTTPS or localhost); self-hosted installs on a
      // LAN address have neither, so fall back to the selection and the legacy copy command.
      inputRef.current?.select();
      if (!document.execCommand("copy")) {
        toast.error("Could not copy. The text is selected: copy it with your keyboard.");
        return;
      }
    }
    setCopied(true);
    toast.success(copiedMessage);
  }

  return (
    <div className="flex items-end gap-2">
      <div className="min-w-0 flex-1">
        <Field label={label}>
          <Input ref={inputRef} value={value} readOnly onFocus={(e) => e.target.select()} className="font-mono text-xs" />
        </Field>
      </div>
      <Button variant="secondary" onClick={copy}>
        {copied ? <Check className="h-4 w-4" aria-hidden /> : <Copy className="h-4 w-4" aria-hidden />}
        {copied ? "Copied" : "Copy"}
        <span className="sr-only">{label.toLowerCase()}</span>
      </Button>
    </div>
  );
}
