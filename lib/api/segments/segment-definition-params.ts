// A segment's definition as the API writes it: the rule model of lib/segments/rule-model.ts with the
// API's snake_case, in the keys (`time_zone`) and in the standard fields' names (`first_name`,
// `consent.opted_in_at`, `engagement.last_delivery_failed`), so a rule reads like the contact it
// filters. Custom fields are `custom.<key>` (keys are snake_case already), operators are the model's.
// Translated here, both ways, and nowhere else; a name the catalogue does not know passes through
// unchanged, so the compiler's "unknown field" error quotes the client's own spelling.
import { z } from "zod";
import {
  FIELD_TYPE_OPERATORS,
  MAX_GROUP_DEPTH,
  MAX_RULES,
  segmentDefinition,
  segmentGroup,
  STANDARD_SEGMENT_FIELDS,
  type SegmentDefinition,
  type SegmentDefinitionInput,
  type SegmentGroup,
} from "@/lib/segments/rule-model";

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const TO_API = new Map<string, string>(STANDARD_SEGMENT_FIELDS.map(({ field }) => [field, snake(field)]));
const FROM_API = new Map<string, string>([...TO_API].map(([domain, api]) => [api, domain]));

/** The standard fields as the API names them, for the docs. */
export const API_SEGMENT_FIELDS = STANDARD_SEGMENT_FIELDS.map((f) => ({ ...f, field: TO_API.get(f.field)!, operators: FIELD_TYPE_OPERATORS[f.type] }));

function renameFields(group: SegmentGroup, names: Map<string, string>): SegmentGroup {
  return {
    ...group,
    rules: group.rules.map((rule) => (rule.type === "group" ? renameFields(rule, names) : { ...rule, field: names.get(rule.field) ?? rule.field })),
  };
}

// A condition's own keys in the API's spelling (campaignId ↔ campaign_id), the rest as they are.
type WireGroup = { type: "group"; match: string; rules: Record<string, unknown>[] };
function renameKeys(group: WireGroup, from: string, to: string): WireGroup {
  return {
    ...group,
    rules: group.rules.map((rule) => {
      if (rule.type === "group") return renameKeys(rule as WireGroup, from, to);
      if (!(from in rule)) return rule;
      const renamed: Record<string, unknown> = { ...rule, [to]: rule[from] };
      delete renamed[from];
      return renamed;
    }),
  };
}

const FIELD_DESCRIPTION =
  `A standard field (${API_SEGMENT_FIELDS.map((f) => f.field).join(", ")}) or custom.<key> for a custom field. ` +
  `Operators by the field's type: ${Object.entries(FIELD_TYPE_OPERATORS).map(([type, ops]) => `${type}: ${ops.join(", ")}`).join("; ")}.`;

const VALUE_DESCRIPTION =
  "What the operator compares with: none for is_empty, is_not_empty, is_true, is_false, never; a text; a number; [from, to] for between and between_days; " +
  "a day YYYY-MM-DD (in time_zone) for before, after, on; a whole number of days for in_last_days, not_in_last_days, more_than_days_ago, anniversary_within_days; " +
  "a list of texts for has_any, has_all, has_none, in, not_in, is_any_of, is_none_of, with_code.";

/** The wire schema: what the OpenAPI document shows and the routes parse, then turned into the domain's. */
export const segmentDefinitionParams = z
  .strictObject({
    time_zone: segmentDefinition.shape.timeZone.describe("IANA zone the days of date rules are read in (on 2026-03-08, in the last 7 days, anniversaries); default UTC"),
    // Documented one level deep (JSON Schema of a recursive type is a $ref the docs cannot show as a
    // table), then checked as the rule model's recursive group.
    root: z
      .strictObject({
        type: z.literal("group"),
        match: z.enum(["all", "any"]).describe("all: every rule (AND); any: at least one (OR)"),
        rules: z
          .array(z.record(z.string(), z.unknown()))
          .max(MAX_RULES)
          .describe(
            `Conditions { "type": "condition", "field", "operator", "value" } and groups { "type": "group", "match", "rules" }, nested up to ${MAX_GROUP_DEPTH} levels. ${FIELD_DESCRIPTION} ${VALUE_DESCRIPTION} ` +
              `An engagement.clicked condition may take "campaign_id": only clicks on that campaign's links.`,
          ),
      })
      .transform((root) => renameKeys(root, "campaign_id", "campaignId"))
      .pipe(segmentGroup)
      .describe("The root group. An empty group matches everyone."),
  })
  .describe("Who is in the segment: rules evaluated each time the segment is used");

export const toSegmentDefinition = (p: z.output<typeof segmentDefinitionParams>): SegmentDefinitionInput => ({
  timeZone: p.time_zone,
  root: renameFields(p.root, FROM_API),
});

export const serializeSegmentDefinition = (d: SegmentDefinition) => ({
  time_zone: d.timeZone,
  root: renameKeys(renameFields(d.root, TO_API) as WireGroup, "campaignId", "campaign_id"),
});
