// The segment rule model: pure zod, shared by the builder, the tRPC procedures, the REST API, the
// OpenAPI document and the compiler (lib/segments/compile-segment.ts). A rule names a field, an
// operator and a value; which operators a field takes comes from its type (FIELD_TYPE_OPERATORS).
// Fields are strings ("firstName", "custom.points", "engagement.replied"), so fields that come with
// later features (link clicks, conversations, campaigns) slot in without migrating saved segments.
import { z } from "zod";
import { isValidTimeZone } from "@/lib/sms/time-zone";

/** How deep groups may nest (the root is level 1) and how many rules a segment may hold. */
export const MAX_GROUP_DEPTH = 5;
export const MAX_RULES = 100;

export const FIELD_TYPES = ["text", "number", "boolean", "date", "tags", "lists", "choice", "received", "replied", "delivery", "clicked"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The value each operator takes: none, one text, a number, a day, a range, a list of texts. */
export const OPERATOR_VALUES = {
  // text
  is: "text",
  is_not: "text",
  contains: "text",
  not_contains: "text",
  starts_with: "text",
  ends_with: "text",
  is_empty: "none",
  is_not_empty: "none",
  // number
  eq: "number",
  neq: "number",
  gt: "number",
  gte: "number",
  lt: "number",
  lte: "number",
  between: "range",
  // boolean
  is_true: "none",
  is_false: "none",
  // dates: days are YYYY-MM-DD in the segment's time zone
  before: "day",
  after: "day",
  on: "day",
  between_days: "day_range",
  in_last_days: "days",
  more_than_days_ago: "days",
  anniversary_within_days: "days",
  // tags, lists, choices
  has_any: "texts",
  has_all: "texts",
  has_none: "texts",
  in: "texts",
  not_in: "texts",
  is_any_of: "texts",
  is_none_of: "texts",
  // engagement (from the messages table)
  not_in_last_days: "days",
  never: "none",
  with_code: "texts",
} as const;
export type Operator = keyof typeof OPERATOR_VALUES;

export const FIELD_TYPE_OPERATORS = {
  text: ["is", "is_not", "contains", "not_contains", "starts_with", "ends_with", "is_empty", "is_not_empty"],
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "is_empty", "is_not_empty"],
  boolean: ["is_true", "is_false", "is_empty", "is_not_empty"],
  date: ["before", "after", "on", "between_days", "in_last_days", "more_than_days_ago", "anniversary_within_days", "is_empty", "is_not_empty"],
  tags: ["has_any", "has_all", "has_none"],
  lists: ["in", "not_in"],
  choice: ["is_any_of", "is_none_of"],
  // received a message in the last N days / not in the last N days
  received: ["in_last_days", "not_in_last_days"],
  // replied (sent us a message) in the last N days / not in the last N days / never
  replied: ["in_last_days", "not_in_last_days", "never"],
  // the last outbound message failed (any error, or one of these codes) / did not
  delivery: ["is_true", "is_false", "with_code"],
  // clicked a tracked link (a person's click: lib/links/bot-reason.ts) in the last N days / not in the last N days / never
  clicked: ["in_last_days", "not_in_last_days", "never"],
} as const satisfies Record<FieldType, readonly Operator[]>;

export const OPERATOR_LABELS: Record<Operator, string> = {
  is: "is",
  is_not: "is not",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  ends_with: "ends with",
  is_empty: "is empty",
  is_not_empty: "is not empty",
  eq: "=",
  neq: "≠",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  between: "is between",
  is_true: "is yes",
  is_false: "is no",
  before: "is before",
  after: "is after",
  on: "is on",
  between_days: "is between",
  in_last_days: "in the last N days",
  more_than_days_ago: "more than N days ago",
  anniversary_within_days: "anniversary within the next N days",
  has_any: "has any of",
  has_all: "has all of",
  has_none: "has none of",
  in: "is in any of",
  not_in: "is in none of",
  is_any_of: "is any of",
  is_none_of: "is none of",
  not_in_last_days: "not in the last N days",
  never: "never",
  with_code: "with error code",
};

/**
 * The fields every org has. Custom fields are `custom.<key>`, typed by their definition
 * (TEXT → text, NUMBER → number, DATE → date, BOOLEAN → boolean).
 * `received.source` is "any" until campaigns and workflows exist (a rule may then narrow it).
 */
export const STANDARD_SEGMENT_FIELDS = [
  { field: "firstName", label: "First name", type: "text", group: "Contact" },
  { field: "lastName", label: "Last name", type: "text", group: "Contact" },
  { field: "phone", label: "Phone", type: "text", group: "Contact" },
  { field: "email", label: "Email", type: "text", group: "Contact" },
  { field: "createdAt", label: "Created", type: "date", group: "Contact" },
  { field: "source", label: "Came from", type: "choice", group: "Contact" },
  { field: "tags", label: "Tags", type: "tags", group: "Contact" },
  { field: "lists", label: "Lists", type: "lists", group: "Contact" },
  { field: "consent.status", label: "Subscription", type: "choice", group: "Consent" },
  { field: "consent.source", label: "Consent source", type: "choice", group: "Consent" },
  { field: "consent.optedInAt", label: "Opted in", type: "date", group: "Consent" },
  { field: "consent.optedOutAt", label: "Opted out", type: "date", group: "Consent" },
  { field: "location.country", label: "Country", type: "choice", group: "Location" },
  { field: "location.state", label: "US state", type: "choice", group: "Location" },
  { field: "location.areaCode", label: "Area code", type: "choice", group: "Location" },
  { field: "location.timeZone", label: "Time zone", type: "choice", group: "Location" },
  { field: "engagement.received", label: "Received a message", type: "received", group: "Engagement" },
  { field: "engagement.replied", label: "Replied", type: "replied", group: "Engagement" },
  { field: "engagement.lastDeliveryFailed", label: "Last delivery failed", type: "delivery", group: "Engagement" },
  { field: "engagement.clicked", label: "Clicked a link", type: "clicked", group: "Engagement" },
] as const satisfies readonly { field: string; label: string; type: FieldType; group: string }[];

export type StandardSegmentField = (typeof STANDARD_SEGMENT_FIELDS)[number]["field"];

/** The choices of the `choice` fields that have a fixed set (the others are free codes). */
export const CONSENT_STATUS_CHOICES = ["opted_in", "opted_out"] as const;
export const CONSENT_SOURCE_CHOICES = ["ui", "api", "keyword", "import"] as const;
/** Contact.source: how a contact was made. */
export const CONTACT_SOURCE_CHOICES = ["import", "api", "ui", "inbound"] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD");
const days = z.number().int("Use a whole number of days").min(0, "Use 0 or more days").max(36_500, "Use at most 36,500 days");

const VALUE_SCHEMAS = {
  none: z.undefined({ error: "This operator takes no value" }).optional(),
  text: z.string().max(500, "Use at most 500 characters"),
  number: z.number({ error: "Enter a number" }).finite(),
  range: z
    .tuple([z.number().finite(), z.number().finite()], { error: "Enter two numbers: [from, to]" })
    .refine(([a, b]) => a <= b, "The first number must not be larger than the second"),
  day,
  day_range: z.tuple([day, day], { error: "Enter two dates: [from, to]" }).refine(([a, b]) => a <= b, "The first date must not be after the second"),
  days,
  texts: z.array(z.string().min(1).max(500)).min(1, "Choose at least one").max(500, "Choose at most 500"),
} as const;

export const segmentCondition = z
  .object({
    type: z.literal("condition"),
    field: z.string().min(1, "Choose a field").max(60),
    operator: z.enum(Object.keys(OPERATOR_VALUES) as [Operator, ...Operator[]], "is not a known operator"),
    value: z.unknown().optional(),
    /** For engagement.received: which messages count. Only "any" until campaigns and workflows exist. */
    source: z.enum(["any"]).optional(),
    /** For engagement.clicked: only clicks on links of this campaign's messages. */
    campaignId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const parsed = VALUE_SCHEMAS[OPERATOR_VALUES[c.operator]].safeParse(c.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: ["value", ...issue.path] });
    }
  });
export type SegmentCondition = z.infer<typeof segmentCondition>;


// strictObject, not .object().strict(): .strict() reads the shape at once, before the getter can recurse.
// Discriminated by `type`, so a bad rule's error names its own field, not "matches neither".
export const segmentGroup = z.strictObject({
  type: z.literal("group"),
  match: z.enum(["all", "any"], "Use all or any"),
  get rules(): z.ZodArray<z.ZodDiscriminatedUnion<[typeof segmentCondition, typeof segmentGroup]>> {
    return z.array(z.discriminatedUnion("type", [segmentCondition, segmentGroup])).max(MAX_RULES, `At most ${MAX_RULES} rules`);
  },
});

export type SegmentGroup = z.infer<typeof segmentGroup>;

function walk(group: SegmentGroup, depth: number, seen: { rules: number; depth: number }) {
  seen.depth = Math.max(seen.depth, depth);
  for (const rule of group.rules) {
    if (rule.type === "group") walk(rule, depth + 1, seen);
    else seen.rules++;
  }
}

/**
 * A segment's definition: the root group and the zone its days are read in ("on 2026-03-08",
 * anniversaries, "in the last 7 days" count whole days there). Shape errors name their path
 * ("root.rules.1.rules.0.value"); whether a field exists and takes the operator is checked against
 * the org's custom fields by the compiler, with the same paths.
 */
export const segmentDefinition = z
  .object({
    timeZone: z.string().refine(isValidTimeZone, "Unknown time zone (use an IANA name like America/Chicago)").default("UTC"),
    root: segmentGroup,
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = { rules: 0, depth: 0 };
    walk(d.root, 1, seen);
    if (seen.depth > MAX_GROUP_DEPTH) ctx.addIssue({ code: "custom", message: `Groups nest at most ${MAX_GROUP_DEPTH} levels deep`, path: ["root"] });
    if (seen.rules > MAX_RULES) ctx.addIssue({ code: "custom", message: `A segment has at most ${MAX_RULES} rules`, path: ["root"] });
  });
export type SegmentDefinition = z.infer<typeof segmentDefinition>;
export type SegmentDefinitionInput = z.input<typeof segmentDefinition>;

/** Everyone: the definition of an empty segment (and of the unfiltered contacts view). */
export const EVERYONE: SegmentDefinition = { timeZone: "UTC", root: { type: "group", match: "all", rules: [] } };

export const segmentName = z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");

export const createSegmentInput = z
  .object({ name: segmentName, description: z.string().trim().max(500).nullish(), definition: segmentDefinition })
  .strict();
export const updateSegmentInput = createSegmentInput.partial().extend({ id: z.string().min(1) }).strict();
export const segmentIdInput = z.object({ id: z.string().min(1) }).strict();
/** The builder's live preview: the count and the first `limit` (10) newest matching contacts. */
export const previewSegmentInput = z.object({ definition: segmentDefinition, limit: z.number().int().min(1).max(100).default(10) }).strict();
/** Which rules a contact meets or misses: of a saved segment (segmentId) or of a definition being edited. */
export const explainSegmentInput = z
  .object({ contactId: z.string().min(1), segmentId: z.string().min(1).optional(), definition: segmentDefinition.optional() })
  .strict()
  .refine((i) => (i.segmentId === undefined) !== (i.definition === undefined), { message: "Give a segmentId or a definition", path: ["segmentId"] });
export const segmentsOfContactInput = z.object({ contactId: z.string().min(1) }).strict();
export type CreateSegmentInput = z.input<typeof createSegmentInput>;
export type UpdateSegmentInput = z.input<typeof updateSegmentInput>;
