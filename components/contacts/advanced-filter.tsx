"use client";
// The advanced filter of the contacts view: the segment builder, applied to the URL by each edit
// that leaves every rule complete (the table follows once the edits pause).
import { X } from "lucide-react";
import { useState } from "react";
import { checkDefinition, viewerTimeZone } from "@/components/segments/definition-errors";
import { newGroup } from "@/components/segments/rule-tree";
import { SegmentBuilder } from "@/components/segments/segment-builder";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { SegmentDefinition, SegmentGroup } from "@/lib/segments/rule-model";

export function AdvancedFilter({
  applied,
  onApply,
  serverErrors,
  onClose,
}: {
  applied: SegmentDefinition | null;
  onApply: (definition: SegmentDefinition | null) => void;
  /** The compiler's messages about the applied rules. */
  serverErrors: ReadonlyMap<string, string>;
  onClose: () => void;
}) {
  const appliedKey = JSON.stringify(applied?.root ?? null);
  const [root, setRoot] = useState<SegmentGroup>(() => applied?.root ?? newGroup());
  // Back or a link changes the applied filter under the builder: follow it.
  const [seen, setSeen] = useState(appliedKey);
  if (seen !== appliedKey) {
    setSeen(appliedKey);
    if (JSON.stringify(root) !== appliedKey) setRoot(applied?.root ?? newGroup());
  }
  const timeZone = applied?.timeZone ?? viewerTimeZone();
  const { errors } = checkDefinition(timeZone, root);

  // Only an edit applies, in its own handler: a change of the applied filter (Back) must not bring
  // back the rules it left, and nothing is written after the user has moved on.
  function edit(next: SegmentGroup) {
    setRoot(next);
    const { definition } = checkDefinition(timeZone, next);
    if (!definition) return;
    const where = definition.root.rules.length > 0 ? definition : null;
    if (JSON.stringify(where?.root ?? null) !== appliedKey) onApply(where);
  }

  return (
    <Card id="advanced-filter" className="mb-4 p-3 sm:p-4">
      <div className="mb-3 flex items-start justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold">Advanced filter</h2>
          <p className="text-xs text-zinc-500">The same rules as a segment; dates are read in {timeZone}. Incomplete rules are not applied.</p>
        </div>
        <div className="flex gap-1">
          {root.rules.length > 0 && (
            <Button variant="ghost" size="sm" onClick={() => edit(newGroup())}>
              Clear rules
            </Button>
          )}
          <Button variant="ghost" size="icon" aria-label="Close the advanced filter" onClick={onClose}>
            <X className="h-4 w-4" aria-hidden />
          </Button>
        </div>
      </div>
      <SegmentBuilder root={root} onChange={edit} errors={errors.size > 0 ? errors : serverErrors} />
    </Card>
  );
}
