"use client";
// The segment rule builder: nested all/any groups of typed rules (lib/segments/rule-model.ts), with
// each rule's message beside it. It edits a tree it is given; checking, counting and saving are
// the page's.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { BuilderContext } from "@/components/segments/builder-context";
import { RuleGroupEditor } from "@/components/segments/rule-group-editor";
import { segmentFieldOptions } from "@/components/segments/segment-fields";
import type { SegmentGroup } from "@/lib/segments/rule-model";
import { useTRPC } from "@/lib/trpc/react";

export function SegmentBuilder({
  root,
  onChange,
  errors,
  showIncomplete = false,
}: {
  root: SegmentGroup;
  onChange: (root: SegmentGroup) => void;
  errors: ReadonlyMap<string, string>;
  /** Say "Enter a value" on rules still waiting for one (once saving was tried). */
  showIncomplete?: boolean;
}) {
  const trpc = useTRPC();
  const customFields = useQuery(trpc.customFields.list.queryOptions());
  const lists = useQuery(trpc.lists.list.queryOptions());
  const campaigns = useQuery(trpc.campaigns.list.queryOptions({ limit: 100 }));
  const fields = useMemo(() => segmentFieldOptions(customFields.data ?? []), [customFields.data]);
  const idPrefix = useId();
  const container = useRef<HTMLDivElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ key: string } | null>(null);

  useEffect(() => {
    if (!focusRequest) return;
    container.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusRequest.key)}"]`)?.focus();
  }, [focusRequest]);

  const ctx: BuilderContext = {
    root,
    onChange,
    fields,
    lists: lists.data ?? [],
    campaigns: campaigns.data?.items ?? [],
    errors,
    showIncomplete,
    focus: (key) => setFocusRequest({ key }),
    idPrefix,
  };
  return (
    <div ref={container}>
      <RuleGroupEditor group={root} path={[]} ctx={ctx} />
    </div>
  );
}
