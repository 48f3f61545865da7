"use client";
// On a contact's page: the saved segments the contact is in now, and for any segment why the
// contact is in or out (each rule and group met ✓ or missed ✗, evaluated now).
import { useQuery } from "@tanstack/react-query";
import { Check, X } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { choiceOptions } from "@/components/segments/choice-options";
import { describeRule } from "@/components/segments/describe-rule";
import { segmentFieldOptions } from "@/components/segments/segment-fields";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/input";
import { LoadError, Loading } from "@/components/ui/query-state";
import type { ExplainedCondition, ExplainedGroup } from "@/lib/segments/explain-segment";
import type { SegmentCondition } from "@/lib/segments/rule-model";
import { useTRPC } from "@/lib/trpc/react";

type Explained = ExplainedGroup | ExplainedCondition;

function Met({ met }: { met: boolean }) {
  return met ? (
    <Check className="h-4 w-4 shrink-0 text-emerald-600 dark:text-emerald-400" aria-label="met" />
  ) : (
    <X className="h-4 w-4 shrink-0 text-red-600 dark:text-red-400" aria-label="missed" />
  );
}

function ExplainTree({ node, describe }: { node: Explained; describe: (rule: SegmentCondition) => string }) {
  if (node.type === "condition") {
    return (
      <li className="flex items-start gap-1.5">
        <Met met={node.met} />
        <span className={cn(!node.met && "text-zinc-500")}>{describe(node)}</span>
      </li>
    );
  }
  return (
    <li>
      <div className="flex items-start gap-1.5 font-medium">
        <Met met={node.met} />
        <span>{node.match === "all" ? "All of" : "Any of"}</span>
      </div>
      <ul className="ml-2 mt-1 space-y-1 border-l border-zinc-200 pl-3 dark:border-zinc-700">
        {node.rules.length === 0 ? (
          <li className="text-zinc-500">No rules: everyone</li>
        ) : (
          node.rules.map((rule) => <ExplainTree key={rule.path} node={rule} describe={describe} />)
        )}
      </ul>
    </li>
  );
}

export function ContactSegmentsCard({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const inSegments = useQuery(trpc.segments.forContact.queryOptions({ contactId }, { staleTime: 0 }));
  const all = useQuery(trpc.segments.list.queryOptions());
  const customFields = useQuery(trpc.customFields.list.queryOptions());
  const lists = useQuery(trpc.lists.list.queryOptions());
  const [picked, setPicked] = useState("");
  const segmentId = picked || all.data?.[0]?.id || "";
  const explain = useQuery({ ...trpc.segments.explain.queryOptions({ contactId, segmentId }, { staleTime: 0 }), enabled: segmentId !== "" });
  const fields = useMemo(() => segmentFieldOptions(customFields.data ?? []), [customFields.data]);
  const describe = (rule: SegmentCondition) =>
    describeRule(rule, fields, (field, value) => {
      const options = choiceOptions(field, lists.data ?? []);
      return options === "free" ? value : (options.find((o) => o.value === value)?.label ?? value);
    });

  return (
    <Card className="p-5">
      <h2 className="mb-2 text-base font-semibold">Segments</h2>
      {inSegments.isPending ? (
        <Loading />
      ) : inSegments.isError ? (
        <LoadError error={inSegments.error} />
      ) : inSegments.data.length === 0 ? (
        <p className="text-sm text-zinc-500">In no saved segment now.</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" aria-label="Segments this contact is in">
          {inSegments.data.map((s) => (
            <li key={s.id}>
              <Link
                href={`/segments/${s.id}`}
                className="inline-flex rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-700 hover:underline dark:bg-brand-700/30 dark:text-brand-100"
              >
                {s.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {all.data && all.data.length > 0 && (
        <div className="mt-4 border-t border-zinc-100 pt-4 dark:border-zinc-800">
          <label className="block text-sm font-medium text-zinc-700 dark:text-zinc-300" htmlFor="why-segment">
            Why in or out of
          </label>
          <Select id="why-segment" className="mt-1" value={segmentId} onChange={(e) => setPicked(e.target.value)}>
            {all.data.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
          {explain.isPending ? (
            <Loading />
          ) : explain.isError ? (
            <LoadError error={explain.error} />
          ) : (
            <div className="mt-3 text-sm" data-testid="segment-explain">
              <p className="mb-2 font-medium">{explain.data.met ? "In this segment now." : "Not in this segment now."}</p>
              <ul className="space-y-1">
                <ExplainTree node={explain.data.root} describe={describe} />
              </ul>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
