"use client";
// One page of contacts. Clicking a row opens the contact; the checkboxes feed the bulk actions.
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import { formatDate } from "@/components/app/format";
import { contactName } from "@/components/contacts/contact-name";
import type { ContactRow } from "@/components/contacts/contact-types";
import { ConsentBadge } from "@/components/contacts/consent-badge";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import type { ContactSort } from "@/lib/contacts/contact-input";

const MAX_TAGS = 2;
const COLUMNS = 8;

type Dir = "asc" | "desc";

/** A column header that sorts: a button inside the <th>, which carries aria-sort. */
function SortableTh({
  column,
  label,
  sort,
  dir,
  onSort,
}: {
  column: ContactSort;
  label: string;
  sort: ContactSort;
  dir: Dir;
  onSort: (sort: ContactSort, dir: Dir) => void;
}) {
  const active = sort === column;
  // A new column starts where people look first: names A→Z, the newest first.
  const firstDir: Dir = column === "created" ? "desc" : "asc";
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Th aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <button
        type="button"
        className={cn(
          "-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase tracking-wide hover:text-zinc-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:hover:text-zinc-100",
          active && "text-zinc-900 dark:text-zinc-100",
        )}
        onClick={() => onSort(column, active ? (dir === "asc" ? "desc" : "asc") : firstDir)}
      >
        {label}
        <Icon className={cn("h-3.5 w-3.5", !active && "opacity-40")} aria-hidden />
        <span className="sr-only">{active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </button>
    </Th>
  );
}

export function ContactsTable({
  items,
  loading,
  selected,
  onToggle,
  onToggleAll,
  sort,
  dir,
  onSort,
}: {
  items: ContactRow[];
  loading: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  sort: ContactSort;
  dir: Dir;
  onSort: (sort: ContactSort, dir: Dir) => void;
}) {
  const sortProps = { sort, dir, onSort };
  const router = useRouter();
  const selectedOnPage = items.filter((c) => selected.has(c.id)).length;
  const allOnPage = items.length > 0 && selectedOnPage === items.length;

  function openRow(event: MouseEvent, id: string) {
    // Clicks on the row's own controls do their own thing.
    if ((event.target as HTMLElement).closest("a, button, input, label")) return;
    router.push(`/contacts/${id}`);
  }

  return (
    <Table aria-busy={loading || undefined}>
      <thead>
        <tr>
          <Th className="w-10">
            <input
              type="checkbox"
              aria-label="Select all on page"
              className="h-4 w-4 accent-brand-600"
              checked={allOnPage}
              ref={(el) => {
                if (el) el.indeterminate = selectedOnPage > 0 && !allOnPage;
              }}
              disabled={items.length === 0}
              onChange={onToggleAll}
            />
          </Th>
          <SortableTh column="name" label="Name" {...sortProps} />
          <SortableTh column="phone" label="Phone" {...sortProps} />
          <Th>Email</Th>
          <Th>Tags</Th>
          <SortableTh column="status" label="Status" {...sortProps} />
          <Th>Time zone</Th>
          <SortableTh column="created" label="Created" {...sortProps} />
        </tr>
      </thead>
      <tbody className={cn(loading && items.length > 0 && "opacity-60 transition-opacity")}>
        {loading && items.length === 0
          ? <SkeletonRows columns={COLUMNS} />
          : items.map((contact) => {
              const name = contactName(contact);
              const isSelected = selected.has(contact.id);
              return (
                <tr
                  key={contact.id}
                  onClick={(e) => openRow(e, contact.id)}
                  className={cn(
                    "cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/50",
                    isSelected && "bg-brand-50/60 dark:bg-brand-700/10",
                  )}
                >
                  <Td card="lead">
                    <input
                      type="checkbox"
                      aria-label={`Select ${name ?? contact.phone}`}
                      className="h-4 w-4 accent-brand-600"
                      checked={isSelected}
                      onChange={() => onToggle(contact.id)}
                    />
                  </Td>
                  <Td card="primary" className="whitespace-nowrap font-medium">
                    <Link href={`/contacts/${contact.id}`} className="hover:underline">
                      {name ?? <span className="font-normal italic text-zinc-500">No name</span>}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{contact.phone}</Td>
                  <Td className="max-w-48 truncate text-zinc-600 dark:text-zinc-400">{contact.email ?? "—"}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {contact.tags.slice(0, MAX_TAGS).map((tag) => (
                        <Badge key={tag}>{tag}</Badge>
                      ))}
                      {contact.tags.length > MAX_TAGS && (
                        <Badge title={contact.tags.slice(MAX_TAGS).join(", ")}>+{contact.tags.length - MAX_TAGS}</Badge>
                      )}
                    </div>
                  </Td>
                  <Td card="badge">
                    <ConsentBadge status={contact.consentStatus} />
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{contact.timeZone ?? "—"}</Td>
                  <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{formatDate(contact.createdAt)}</Td>
                </tr>
              );
            })}
      </tbody>
    </Table>
  );
}
