"use client";
// The contacts table with its search, filters (a segment definition: lib/contacts/contact-filters.ts),
// sorting, keyset pagination and bulk selection; used on the Contacts page and, fixed to one list,
// on a list's page. The view lives in the URL, so Back returns to it.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatCount } from "@/components/app/format";
import { AdvancedFilter } from "@/components/contacts/advanced-filter";
import { BulkActions } from "@/components/contacts/bulk-actions";
import { ContactsFilters, type FilterDrafts } from "@/components/contacts/contacts-filters";
import { ContactsPagination } from "@/components/contacts/contacts-pagination";
import { ContactsTable } from "@/components/contacts/contacts-table";
import { DEFAULT_VIEW, type ContactsView } from "@/components/contacts/contacts-view-params";
import { SaveAsSegmentButton } from "@/components/contacts/save-as-segment";
import { ExportButton } from "@/components/contacts/export-button";
import { useContactsView } from "@/components/contacts/use-contacts-view";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";
import { useUrlDraft } from "@/components/contacts/use-url-draft";
import { serverRuleErrors } from "@/components/segments/definition-errors";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { tagSchema } from "@/lib/lists/tag-schema";
import { useTRPC } from "@/lib/trpc/react";

const PAGE_SIZE = 50;

interface PageState {
  key: string;
  cursors: string[];
  selected: ReadonlySet<string>;
  /** "Select all N matching": the bulk actions apply to the view's filter, not to ids. */
  allMatching: boolean;
}

export function ContactsBrowser({
  list,
  onAddContact,
}: {
  /** Show only this list's members. */
  list?: { id: string; name: string };
  /** Offered in the empty state of an org with no contacts. */
  onAddContact?: () => void;
}) {
  const trpc = useTRPC();
  const [view, setView] = useContactsView();
  const [search, setSearch] = useUrlDraft(view.search, (text) => {
    setView({ search: text.trim() }, "replace");
    return text.trim();
  });
  const [tagText, setTagText] = useUrlDraft(view.tag, (text) => {
    const parsed = text.trim() ? tagSchema.safeParse(text.trim()) : null;
    if (parsed && !parsed.success) return undefined;
    setView({ tag: parsed?.data ?? "" }, "replace");
    return parsed?.data ?? "";
  });
  const tagCheck = tagText.trim() ? tagSchema.safeParse(tagText.trim()) : null;
  const [advancedOpen, setAdvancedOpen] = useState(view.where !== null);

  // What is typed (search, tag, rules) is in the URL at once; the table follows once typing pauses.
  const typed = useDebouncedValue(JSON.stringify({ search: view.search, tag: view.tag, where: view.where }));
  const settled = JSON.parse(typed) as Pick<ContactsView, "search" | "tag" | "where">;
  const filters = {
    search: settled.search || undefined,
    listId: list?.id ?? (view.listId || undefined),
    tag: settled.tag || undefined,
    status: view.status || undefined,
    definition: settled.where ?? undefined,
  };
  const sort = { sort: view.sort, dir: view.dir };
  const filterKey = JSON.stringify([filters, sort]);

  // The cursors of the pages before this one, and the selection. Both belong to one view: when
  // it changes they start again (reset during render, not in an effect, so no request goes out
  // for a stale page).
  const fresh = { key: filterKey, cursors: [], selected: new Set<string>(), allMatching: false };
  const [pageState, setPageState] = useState<PageState>(fresh);
  if (pageState.key !== filterKey) setPageState(fresh);
  const { cursors, selected, allMatching } = pageState.key === filterKey ? pageState : fresh;

  const page = useQuery(
    trpc.contacts.list.queryOptions({ ...filters, ...sort, cursor: cursors.at(-1), limit: PAGE_SIZE }, { placeholderData: keepPreviousData, retry: false }),
  );
  // No placeholder here: a stale total under new filters would read as the answer.
  const count = useQuery(trpc.contacts.count.queryOptions(filters, { retry: false }));
  const items = page.data?.items ?? [];
  const filtering = Boolean(filters.search || filters.tag || filters.status || filters.definition || (!list && filters.listId));
  const ruleErrors = serverRuleErrors(page.error);

  function setSelected(ids: ReadonlySet<string>) {
    setPageState((v) => ({ ...v, selected: ids, allMatching: false }));
  }
  function setCursors(next: string[]) {
    setPageState((v) => ({ ...v, cursors: next }));
  }
  function toggle(id: string) {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  }
  function toggleAll() {
    const next = new Set(selected);
    const all = items.every((c) => next.has(c.id));
    for (const c of items) {
      if (all) next.delete(c.id);
      else next.add(c.id);
    }
    setSelected(next);
  }
  function changeFilters(change: Partial<FilterDrafts>) {
    if (change.search !== undefined) setSearch(change.search);
    if (change.tag !== undefined) setTagText(change.tag);
    const discrete: Partial<ContactsView> = {};
    if (change.listId !== undefined) discrete.listId = change.listId;
    if (change.status !== undefined) discrete.status = change.status;
    if (Object.keys(discrete).length > 0) setView(discrete);
  }
  function clearFilters() {
    setSearch("");
    setTagText("");
    setView({ ...DEFAULT_VIEW, sort: view.sort, dir: view.dir });
  }

  const empty = !page.isPending && !page.isError && items.length === 0 && cursors.length === 0;
  if (empty && !filtering && !page.isPlaceholderData) {
    return list ? (
      <EmptyState
        title="No contacts in this list yet"
        description="Select contacts on the Contacts page and choose Add to list."
        action={
          <Link href="/contacts" className="text-sm font-medium text-brand-600 hover:underline">
            Go to Contacts
          </Link>
        }
      />
    ) : (
      <EmptyState
        title="No contacts yet"
        description="Contacts are the people you text. Add them one at a time, then group them into lists."
        action={onAddContact && <Button onClick={onAddContact}>Add your first contact</Button>}
      />
    );
  }

  return (
    <div>
      <ContactsFilters
        values={{ search, listId: view.listId, tag: tagText, status: view.status }}
        onChange={changeFilters}
        showListFilter={!list}
        tagError={tagCheck && !tagCheck.success ? tagCheck.error.issues[0]?.message : undefined}
        advancedRules={view.where?.root.rules.length ?? 0}
        advancedOpen={advancedOpen}
        onToggleAdvanced={() => setAdvancedOpen((open) => !open)}
      >
        {filtering && <SaveAsSegmentButton quick={filters} advanced={settled.where} hasSearch={Boolean(filters.search)} />}
        {!list && <ExportButton source={{ filter: filters }} />}
      </ContactsFilters>
      {advancedOpen && (
        <AdvancedFilter
          applied={view.where}
          onApply={(where) => setView({ where }, "replace")}
          serverErrors={ruleErrors}
          onClose={() => setAdvancedOpen(false)}
        />
      )}
      {page.isError && ruleErrors.size === 0 && (
        <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">
          Could not load contacts: {page.error.message}
        </p>
      )}
      {selected.size > 0 && (
        <BulkActions
          target={allMatching && count.data !== undefined ? { filter: filters, count: count.data } : { ids: [...selected] }}
          onClear={() => setSelected(new Set())}
          list={list}
        />
      )}
      {selected.size > 0 && items.length > 0 && items.every((c) => selected.has(c.id)) && count.data !== undefined && count.data > items.length && (
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {allMatching ? (
            <>All {formatCount(count.data, "matching contact")} are selected. </>
          ) : (
            <>All {formatCount(items.length, "contact")} on this page are selected. </>
          )}
          <button
            type="button"
            className="font-medium text-brand-600 hover:underline dark:text-brand-400"
            onClick={() => setPageState((v) => ({ ...v, allMatching: !allMatching }))}
          >
            {allMatching ? "Select only this page" : `Select all ${formatCount(count.data, "matching contact")}`}
          </button>
        </p>
      )}
      {empty ? (
        <EmptyState
          title="No contacts match"
          description={
            filters.search
              ? `Nothing matches “${filters.search}”. Try a different name, number or email, or clear the filters.`
              : "No contacts match these filters."
          }
          action={
            <Button variant="secondary" onClick={clearFilters}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <>
          <ContactsTable
            items={items}
            loading={page.isPending || page.isPlaceholderData}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
            sort={view.sort}
            dir={view.dir}
            onSort={(sort, dir) => setView({ sort, dir })}
          />
          {!page.isPending && items.length === 0 && <p className="mt-3 text-sm text-zinc-500">No more contacts on this page.</p>}
          <ContactsPagination
            total={count.data}
            pageIndex={cursors.length}
            pageSize={PAGE_SIZE}
            itemsOnPage={items.length}
            hasPrevious={cursors.length > 0}
            hasNext={Boolean(page.data?.nextCursor) && !page.isPlaceholderData}
            onPrevious={() => setCursors(cursors.slice(0, -1))}
            onNext={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
          />
        </>
      )}
    </div>
  );
}
