"use client";
// "Which rule would this message trigger?": the same pure steps receiveMessage takes
// (lib/keywords/what-text-does.ts), run in the browser on the rules already loaded.
import { useState } from "react";
import { ruleActions } from "@/components/keywords/rule-actions";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { KeywordRule } from "@/lib/generated/prisma/client";
import { whatTextDoes, type TextOutcome } from "@/lib/keywords/what-text-does";

const COMPLIANCE = {
  OPT_OUT: "opts the contact out and sends your opt-out reply",
  OPT_IN: "opts the contact back in and sends your opt-in reply (YES only from someone opted out)",
  HELP: "sends your help reply",
} as const;

function describe(outcome: TextOutcome<KeywordRule>): string {
  switch (outcome.kind) {
    case "compliance":
      return `The compliance keyword ${outcome.keyword}: it ${COMPLIANCE[outcome.action]}.`;
    case "phrase":
      return `Opt-out wording (“${outcome.phrase}”): it opts the contact out and sends your opt-out reply.`;
    case "rule":
      return `The rule “${outcome.rule.name}” (keyword ${outcome.keyword}): ${ruleActions(outcome.rule).toLowerCase()}.`;
    case "none":
      return "No rule: an ordinary message.";
  }
}

export function KeywordTestBox({ rules, senders }: { rules: KeywordRule[]; senders: { id: string; address: string; label: string | null }[] }) {
  const [body, setBody] = useState("");
  const [senderId, setSenderId] = useState("");
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">Test a message</h3>
      <div className="grid gap-3 sm:grid-cols-[1fr_14rem]">
        <Field label="A text that says">
          <Input name="testText" value={body} onChange={(e) => setBody(e.target.value)} placeholder="join please" />
        </Field>
        <Field label="Sent to">
          <Select name="testSender" value={senderId} onChange={(e) => setSenderId(e.target.value)}>
            <option value="">Any number</option>
            {senders.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label ? `${s.label} (${s.address})` : s.address}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="keyword-test-result">
        {body.trim() ? describe(whatTextDoes(rules, body, senderId || null)) : "Type a text to see what it would do."}
      </p>
    </div>
  );
}
