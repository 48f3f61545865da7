"use client";
// A group of rules matched by all or any, holding rules and groups of its own (up to
// MAX_GROUP_DEPTH levels). Between its rules it says "and" or "or", so the tree reads as a sentence.
import { Copy, ListPlus, Plus, Trash2 } from "lucide-react";
import type { BuilderContext } from "@/components/segments/builder-context";
import { RuleRow } from "@/components/segments/rule-row";
import { appendTo, duplicateAt, levelOf, newCondition, newGroup, pathKey, removeAt, setMatch, type RulePath } from "@/components/segments/rule-tree";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/input";
import { MAX_GROUP_DEPTH, type SegmentGroup } from "@/lib/segments/rule-model";

// With dark: twins, or the group's dark border colour would win over its level's.
const LEVEL_BORDERS = [
  "",
  "border-l-brand-500 dark:border-l-brand-500",
  "border-l-amber-500 dark:border-l-amber-500",
  "border-l-emerald-500 dark:border-l-emerald-500",
  "border-l-fuchsia-500 dark:border-l-fuchsia-500",
];

export function RuleGroupEditor({ group, path, ctx }: { group: SegmentGroup; path: RulePath; ctx: BuilderContext }) {
  const key = pathKey(path);
  const level = levelOf(path);
  const isRoot = path.length === 0;
  const error = ctx.errors.get(key);
  const firstField = ctx.fields[0];
  const label = isRoot ? "Segment rules" : `Group at level ${level}`;
  const index = path[path.length - 1] ?? 0;

  function addRule() {
    if (!firstField) return;
    ctx.onChange(appendTo(ctx.root, path, newCondition(firstField.field, firstField.type)));
    ctx.focus(pathKey([...path, group.rules.length]));
  }
  function addGroup() {
    if (!firstField) return;
    const inner = newGroup(group.match === "all" ? "any" : "all", [newCondition(firstField.field, firstField.type)]);
    ctx.onChange(appendTo(ctx.root, path, inner));
    ctx.focus(pathKey([...path, group.rules.length, 0]));
  }

  return (
    <section
      aria-label={label}
      data-testid={isRoot ? "segment-root" : "segment-group"}
      className={cn(
        !isRoot && "rounded-md border border-l-4 border-zinc-200 bg-zinc-50 p-2 sm:p-3 dark:border-zinc-700 dark:bg-zinc-800/40",
        !isRoot && LEVEL_BORDERS[(level - 1) % LEVEL_BORDERS.length],
      )}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <span>{isRoot ? "Contacts who match" : "Match"}</span>
        <Select
          aria-label={isRoot ? "Match all or any of the rules" : `Group at level ${level}: match all or any`}
          className="w-24"
          value={group.match}
          onChange={(e) => ctx.onChange(setMatch(ctx.root, path, e.target.value as SegmentGroup["match"]))}
        >
          <option value="all">all</option>
          <option value="any">any</option>
        </Select>
        <span>of {isRoot ? "these rules" : "these"}</span>
        {!isRoot && (
          <div className="ml-auto flex gap-1">
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Duplicate group at level ${level}`}
              title="Duplicate group"
              onClick={() => {
                ctx.onChange(duplicateAt(ctx.root, path));
                ctx.focus(`${pathKey([...path.slice(0, -1), index + 1])}:add`);
              }}
            >
              <Copy className="h-4 w-4" aria-hidden />
            </Button>
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Remove group at level ${level}`}
              title="Remove group"
              className="text-red-700 dark:text-red-400"
              onClick={() => {
                ctx.onChange(removeAt(ctx.root, path));
                ctx.focus(`${pathKey(path.slice(0, -1))}:add`);
              }}
            >
              <Trash2 className="h-4 w-4" aria-hidden />
            </Button>
          </div>
        )}
      </div>
      {group.rules.length === 0 ? (
        <p className="mb-2 rounded-md border border-dashed border-zinc-300 p-3 text-sm text-zinc-500 dark:border-zinc-700">
          {isRoot ? "No rules yet: every contact matches." : "An empty group matches every contact."}
        </p>
      ) : (
        <ol className="space-y-2">
          {group.rules.map((rule, i) => (
            // Rules have no ids of their own; the path is their identity in the tree.
            <li key={i} className="list-none">
              {i > 0 && (
                <span className="mb-1 block text-xs font-semibold uppercase tracking-wide text-zinc-500" aria-hidden>
                  {group.match === "all" ? "and" : "or"}
                </span>
              )}
              {rule.type === "group" ? (
                <RuleGroupEditor group={rule} path={[...path, i]} ctx={ctx} />
              ) : (
                <RuleRow rule={rule} path={[...path, i]} ctx={ctx} />
              )}
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p role="alert" className="mt-2 text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" data-focus-key={`${key}:add`} aria-label={isRoot ? undefined : `Add rule to group at level ${level}`} onClick={addRule}>
          <Plus className="h-4 w-4" aria-hidden /> Add rule
        </Button>
        {level < MAX_GROUP_DEPTH && (
          <Button variant="secondary" size="sm" aria-label={isRoot ? undefined : `Add group inside group at level ${level}`} onClick={addGroup}>
            <ListPlus className="h-4 w-4" aria-hidden /> Add group
          </Button>
        )}
      </div>
    </section>
  );
}
