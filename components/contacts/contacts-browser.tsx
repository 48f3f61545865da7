"use client";
// The contacts table with its search, filters, cursor pagination and bulk selection; used on the
// Contacts page and, fixed to one list, on a list's page.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { BulkActions } from "@/components/contacts/bulk-actions";
import { ContactsFilters, NO_FILTERS, type FilterValues } from "@/components/contacts/contacts-filters";
import { ContactsPagination } from "@/components/contacts/contacts-pagination";
import { ContactsTable } from "@/components/contacts/contacts-table";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { tagSchema } from "@/lib/contacts/contact-input";
import { useTRPC } from "@/lib/trpc/react";

const PAGE_SIZE = 50;

interface ViewState {
  key: string;
  cursors: string[];
  selected: ReadonlySet<string>;
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
  const [filterValues, setFilterValues] = useState<FilterValues>(NO_FILTERS);
  const search = useDebouncedValue(filterValues.search.trim());
  const typedTag = useDebouncedValue(filterValues.tag.trim());
  const tag = typedTag ? tagSchema.safeParse(typedTag) : null;
  const filters = {
    search: search || undefined,
    listId: list?.id ?? (filterValues.listId || undefined),
    tag: tag?.success ? tag.data : undefined,
    status: filterValues.status || undefined,
  };
  const filterKey = JSON.stringify(filters);

  // The cursors of the pages before this one, and the selection. Both belong to one set of
  // filters: when the filters change they start again (reset during render, not in an effect,
  // so no request goes out for a stale page).
  const [view, setView] = useState<ViewState>({ key: filterKey, cursors: [], selected: new Set() });
  if (view.key !== filterKey) setView({ key: filterKey, cursors: [], selected: new Set() });
  const { cursors, selected } = view.key === filterKey ? view : { cursors: [], selected: new Set<string>() };

  const page = useQuery(
    trpc.contacts.list.queryOptions({ ...filters, cursor: cursors.at(-1), limit: PAGE_SIZE }, { placeholderData: keepPreviousData }),
  );
  // No placeholder here: a stale total under new filters would read as the answer.
  const count = useQuery(trpc.contacts.count.queryOptions(filters));
  const items = page.data?.items ?? [];
  const filtering = Boolean(filters.search || filters.tag || filters.status || (!list && filters.listId));

  function setSelected(ids: ReadonlySet<string>) {
    setView((v) => ({ ...v, selected: ids }));
  }
  function setCursors(next: string[]) {
    setView((v) => ({ ...v, cursors: next }));
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

  if (page.isError) {
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        Could not load contacts: {page.error.message}
      </p>
    );
  }

  const empty = !page.isPending && items.length === 0 && cursors.length === 0;
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
        values={filterValues}
        onChange={setFilterValues}
        showListFilter={!list}
        tagError={tag && !tag.success ? tag.error.issues[0]?.message : undefined}
      />
      {selected.size > 0 && <BulkActions selectedIds={[...selected]} onClear={() => setSelected(new Set())} list={list} />}
      {empty ? (
        <EmptyState
          title="No contacts match"
          description={
            filters.search
              ? `Nothing matches “${filters.search}”. Try a different name, number or email, or clear the filters.`
              : "No contacts match these filters."
          }
          action={
            <Button variant="secondary" onClick={() => setFilterValues(NO_FILTERS)}>
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
          />
          {!page.isPending && items.length === 0 && (
            <p className="mt-3 text-sm text-zinc-500">No more contacts on this page.</p>
          )}
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
