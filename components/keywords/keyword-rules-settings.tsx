"use client";
// Settings → Keywords: the org's keyword rules (each with what it does, on or off), the form to make
// or change one, and the test box. Admins and owners change them; members read.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { KeywordRuleForm } from "@/components/keywords/keyword-rule-form";
import { ruleActions } from "@/components/keywords/rule-actions";
import { KeywordTestBox } from "@/components/keywords/keyword-test-box";
import { Section, SectionCard } from "@/components/settings/section";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { EditDeleteButtons } from "@/components/ui/edit-delete-buttons";
import { LoadError, Loading } from "@/components/ui/query-state";
import type { KeywordRule } from "@/lib/generated/prisma/client";
import { MATCH_ON_LABELS, type MatchOn } from "@/lib/keywords/rule-model";
import { hasRole } from "@/lib/members/roles";
import { errorMessage } from "@/lib/trpc/form-errors";
import { useTRPC } from "@/lib/trpc/react";

export function KeywordRulesSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useQuery(trpc.org.current.queryOptions());
  const rules = useQuery(trpc.keywords.rules.queryOptions());
  const senders = useQuery(trpc.messages.senders.queryOptions());
  const lists = useQuery(trpc.lists.list.queryOptions());
  const [editing, setEditing] = useState<KeywordRule | "new" | null>(null);
  const [deleting, setDeleting] = useState<KeywordRule | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.keywords.rules.queryKey() });
  const toggle = useMutation(trpc.keywords.setEnabled.mutationOptions({ onSuccess: refresh, onError: (e) => toast.error(errorMessage(e)) }));
  const remove = useMutation(
    trpc.keywords.delete.mutationOptions({
      onSuccess: async () => {
        toast.success("Rule deleted");
        setDeleting(null);
        await refresh();
      },
      onError: (e) => toast.error(errorMessage(e)),
    }),
  );
  const canEdit = org.data ? hasRole(org.data.role, "ADMIN") : false;
  const senderName = (id: string) => senders.data?.find((s) => s.id === id)?.address ?? "a removed number";

  return (
    <Section
      title="Keyword rules"
      description="Your own keywords: a text that is one of them (or starts with one) gets a reply, tags, lists, or a subscription. STOP, START, HELP and opt-out wording keep their meaning and come first."
    >
      <SectionCard>
        {rules.isPending || senders.isPending || lists.isPending ? (
          <Loading />
        ) : rules.isError ? (
          <LoadError error={rules.error} />
        ) : (
          <>
            {rules.data.length === 0 ? (
              <p className="text-sm text-zinc-500">No rules yet. A JOIN rule that subscribes and welcomes people is a good first one.</p>
            ) : (
              <ul className="-my-3 divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Keyword rules">
                {rules.data.map((rule) => (
                  <li key={rule.id} className="flex flex-wrap items-start gap-x-4 gap-y-2 py-3">
                    <div className="min-w-0 flex-1 basis-64">
                      <p className="flex flex-wrap items-center gap-2 font-medium">
                        {rule.name}
                        {!rule.enabled && <Badge>Off</Badge>}
                      </p>
                      <p className="mt-1 flex flex-wrap gap-1">
                        {rule.keywords.map((k) => (
                          <Badge key={k} tone="blue" className="font-mono">
                            {k}
                          </Badge>
                        ))}
                      </p>
                      <p className="mt-1 text-xs text-zinc-500">
                        {MATCH_ON_LABELS[rule.matchOn as MatchOn]} · {rule.senderIds.length === 0 ? "any number" : rule.senderIds.map(senderName).join(", ")} · {ruleActions(rule)}
                      </p>
                    </div>
                    {canEdit && (
                      <div className="flex items-center gap-1">
                        <label className="mr-2 flex items-center gap-1.5 text-sm">
                          <input type="checkbox" checked={rule.enabled} disabled={toggle.isPending} onChange={(e) => toggle.mutate({ id: rule.id, enabled: e.target.checked })} />
                          <span>On</span>
                          <span className="sr-only">: {rule.name}</span>
                        </label>
                        <EditDeleteButtons name={rule.name} onEdit={() => setEditing(rule)} onDelete={() => setDeleting(rule)} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canEdit ? (
              <Button className="mt-5" onClick={() => setEditing("new")}>
                <Plus className="h-4 w-4" aria-hidden /> New rule
              </Button>
            ) : (
              <p className="mt-5 text-xs text-zinc-500">Only admins and owners can change these.</p>
            )}
            <div className="mt-6 border-t border-zinc-100 pt-5 dark:border-zinc-800">
              <KeywordTestBox rules={rules.data} senders={senders.data ?? []} />
            </div>
          </>
        )}
      </SectionCard>
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing === "new" ? "New keyword rule" : "Edit keyword rule"}>
        {editing !== null && (
          <KeywordRuleForm
            rule={editing === "new" ? null : editing}
            others={(rules.data ?? []).filter((r) => editing === "new" || r.id !== editing.id)}
            senders={senders.data ?? []}
            lists={lists.data ?? []}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
      <ConfirmDialog open={deleting !== null} onClose={() => setDeleting(null)} onConfirm={() => deleting && remove.mutate({ id: deleting.id })} title="Delete this rule?" pending={remove.isPending}>
        Texts of {deleting?.keywords.join(", ")} will no longer get its reply, tags or lists. Its figures go with it.
      </ConfirmDialog>
    </Section>
  );
}
