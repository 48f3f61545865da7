"use client";
// One page of contacts. Clicking a row opens the contact; the checkboxes feed the bulk actions.
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

const MAX_TAGS = 2;
const COLUMNS = 8;

export function ContactsTable({
  items,
  loading,
  selected,
  onToggle,
  onToggleAll,
}: {
  items: ContactRow[];
  loading: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
}) {
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
          <Th>Name</Th>
          <Th>Phone</Th>
          <Th>Email</Th>
          <Th>Tags</Th>
          <Th>Status</Th>
          <Th>Time zone</Th>
          <Th>Created</Th>
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
                  <Td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${name ?? contact.phone}`}
                      className="h-4 w-4 accent-brand-600"
                      checked={isSelected}
                      onChange={() => onToggle(contact.id)}
                    />
                  </Td>
                  <Td className="whitespace-nowrap font-medium">
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
                  <Td>
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
