// The contacts view in the URL, so a filtered, sorted view can be linked to and Back returns to it:
// ?q=search&list=lst_…&tag=vip&status=OPTED_IN&sort=name&dir=asc&where=<segment definition as JSON>.
// Anything unreadable in the URL is dropped, never an error page.
import { CONTACT_SORTS, type ContactSort } from "@/lib/contacts/contact-input";
import { tagSchema } from "@/lib/lists/tag-schema";
import { segmentDefinition, type SegmentDefinition } from "@/lib/segments/rule-model";

export interface ContactsView {
  search: string;
  listId: string;
  tag: string;
  status: "" | "OPTED_IN" | "OPTED_OUT";
  sort: ContactSort;
  dir: "asc" | "desc";
  /** The advanced filter; null when there is none. */
  where: SegmentDefinition | null;
}

export const DEFAULT_VIEW: ContactsView = { search: "", listId: "", tag: "", status: "", sort: "created", dir: "desc", where: null };

function parseWhere(text: string | null): SegmentDefinition | null {
  if (!text) return null;
  try {
    const parsed = segmentDefinition.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.root.rules.length > 0 ? parsed.data : null;
  } catch {
    return null;
  }
}

export function viewFromParams(params: URLSearchParams): ContactsView {
  const status = params.get("status");
  const sort = params.get("sort");
  const tag = params.get("tag") ?? "";
  return {
    search: params.get("q") ?? "",
    listId: params.get("list") ?? "",
    tag: tag && tagSchema.safeParse(tag).success ? tag : "",
    status: status === "OPTED_IN" || status === "OPTED_OUT" ? status : "",
    sort: (CONTACT_SORTS as readonly string[]).includes(sort ?? "") ? (sort as ContactSort) : "created",
    dir: params.get("dir") === "asc" ? "asc" : "desc",
    where: parseWhere(params.get("where")),
  };
}

/** The query string of `view` (defaults left out), starting with "?" or empty. */
export function viewQuery(view: ContactsView): string {
  const params = new URLSearchParams();
  if (view.search) params.set("q", view.search);
  if (view.listId) params.set("list", view.listId);
  if (view.tag) params.set("tag", view.tag);
  if (view.status) params.set("status", view.status);
  if (view.sort !== "created" || view.dir !== "desc") {
    params.set("sort", view.sort);
    params.set("dir", view.dir);
  }
  if (view.where && view.where.root.rules.length > 0) params.set("where", JSON.stringify(view.where));
  return params.size ? `?${params}` : "";
}
