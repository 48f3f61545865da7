"use client";
// One rule: field, operator, value, then duplicate and remove. On a phone the parts stack.
import { Copy, Trash2 } from "lucide-react";
import type { BuilderContext } from "@/components/segments/builder-context";
import { RuleValueInput } from "@/components/segments/rule-value-input";
import { changeCampaign, changeField, changeOperator, changeValue, duplicateAt, isIncomplete, pathKey, removeAt, type RulePath } from "@/components/segments/rule-tree";
import { groupFieldOptions } from "@/components/segments/segment-fields";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { FIELD_TYPE_OPERATORS, OPERATOR_LABELS, type Operator, type SegmentCondition } from "@/lib/segments/rule-model";

export function RuleRow({ rule, path, ctx }: { rule: SegmentCondition; path: RulePath; ctx: BuilderContext }) {
  const key = pathKey(path);
  const field = ctx.fields.find((f) => f.field === rule.field);
  const label = field?.label ?? rule.field;
  const message = ctx.errors.get(key);
  const error = message && (ctx.showIncomplete || !isIncomplete(rule)) ? message : undefined;
  const errorId = `${ctx.idPrefix}-rule-${key}-error`;
  const operators: readonly Operator[] = field ? FIELD_TYPE_OPERATORS[field.type] : [rule.operator];
  const last = path[path.length - 1]!;
  const parent = pathKey(path.slice(0, -1));

  return (
    <div
      role="group"
      className="rounded-md border border-zinc-200 bg-white p-2 dark:border-zinc-700 dark:bg-zinc-900"
      data-testid="segment-rule"
      aria-label={`Rule ${last + 1}: ${label}`}
    >
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-start">
        <Select
          aria-label={`Rule ${last + 1}: field`}
          data-focus-key={key}
          className="sm:w-48"
          value={rule.field}
          aria-invalid={(error && !field) || undefined}
          onChange={(e) => {
            const next = ctx.fields.find((f) => f.field === e.target.value);
            if (next) ctx.onChange(changeField(ctx.root, path, next.field, next.type));
          }}
        >
          {!field && <option value={rule.field}>Unknown field: {rule.field}</option>}
          {groupFieldOptions(ctx.fields).map(([group, options]) => (
            <optgroup key={group} label={group}>
              {options.map((o) => (
                <option key={o.field} value={o.field}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
        <Select
          aria-label={`${label}: operator`}
          className="sm:w-56"
          value={rule.operator}
          onChange={(e) => ctx.onChange(changeOperator(ctx.root, path, e.target.value as Operator))}
        >
          {operators.map((op) => (
            <option key={op} value={op}>
              {OPERATOR_LABELS[op]}
            </option>
          ))}
        </Select>
        {rule.field === "engagement.clicked" && (
          <Select
            aria-label={`${label}: campaign`}
            className="sm:w-48"
            value={rule.campaignId ?? ""}
            onChange={(e) => ctx.onChange(changeCampaign(ctx.root, path, e.target.value || undefined))}
          >
            <option value="">in any campaign or text</option>
            {rule.campaignId && !ctx.campaigns.some((c) => c.id === rule.campaignId) && <option value={rule.campaignId}>in campaign {rule.campaignId}</option>}
            {ctx.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                in {c.name}
              </option>
            ))}
          </Select>
        )}
        <div className="min-w-0 sm:min-w-40 sm:flex-1">
          <RuleValueInput
            rule={rule}
            fieldLabel={label}
            lists={ctx.lists}
            invalid={Boolean(error)}
            errorId={errorId}
            onValue={(value) => ctx.onChange(changeValue(ctx.root, path, value))}
          />
        </div>
        <div className="flex shrink-0 gap-1 self-end sm:self-start">
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Duplicate rule ${last + 1}`}
            title="Duplicate"
            onClick={() => {
              ctx.onChange(duplicateAt(ctx.root, path));
              ctx.focus(pathKey([...path.slice(0, -1), last + 1]));
            }}
          >
            <Copy className="h-4 w-4" aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Remove rule ${last + 1}`}
            title="Remove"
            className="text-red-700 dark:text-red-400"
            onClick={() => {
              ctx.onChange(removeAt(ctx.root, path));
              ctx.focus(`${parent}:add`);
            }}
          >
            <Trash2 className="h-4 w-4" aria-hidden />
          </Button>
        </div>
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-1.5 text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
