// What every row and group of one builder shares: the tree, how to change it, the fields and lists
// to pick from, the messages per rule, and where keyboard focus goes after an edit.
import type { FieldOption } from "@/components/segments/segment-fields";
import type { SegmentGroup } from "@/lib/segments/rule-model";

export interface BuilderContext {
  root: SegmentGroup;
  onChange: (root: SegmentGroup) => void;
  fields: readonly FieldOption[];
  lists: readonly { id: string; name: string }[];
  /** The org's campaigns, newest first, for "Clicked a link" of one campaign. */
  campaigns: readonly { id: string; name: string }[];
  /** The first message per rule, by path key ("" is the root group). */
  errors: ReadonlyMap<string, string>;
  /** Whether a rule still waiting for its value says so (after a save was tried), or waits quietly. */
  showIncomplete: boolean;
  /** Moves focus, once rendered, to the element whose data-focus-key is `key`. */
  focus: (key: string) => void;
  /** Prefix of element ids, so two builders on a page never share one. */
  idPrefix: string;
}
