"use client";
// The row above the contacts table: search, and the list, tag and status filters.
import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { Input, Select } from "@/components/ui/input";
import { useTRPC } from "@/lib/trpc/react";

export interface FilterValues {
  search: string;
  listId: string;
  tag: string;
  status: "" | "OPTED_IN" | "OPTED_OUT";
}

export const NO_FILTERS: FilterValues = { search: "", listId: "", tag: "", status: "" };

export function ContactsFilters({
  values,
  onChange,
  showListFilter,
  tagError,
}: {
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  /** Off on a list's own page, where the list is fixed. */
  showListFilter: boolean;
  tagError?: string;
}) {
  const trpc = useTRPC();
  const lists = useQuery({ ...trpc.lists.list.queryOptions(), enabled: showListFilter });
  const set = <K extends keyof FilterValues>(key: K, value: FilterValues[K]) => onChange({ ...values, [key]: value });

  return (
    <div className="mb-4 flex flex-wrap items-start gap-2">
      <div className="relative min-w-64 flex-1">
        <Search className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-zinc-400" aria-hidden />
        <Input
          type="search"
          aria-label="Search contacts"
          placeholder="Search by name, phone or email"
          className="pl-9"
          value={values.search}
          onChange={(e) => set("search", e.target.value)}
        />
      </div>
      {showListFilter && (
        <Select aria-label="Filter by list" className="w-44" value={values.listId} onChange={(e) => set("listId", e.target.value)}>
          <option value="">All lists</option>
          {lists.data?.map((list) => (
            <option key={list.id} value={list.id}>
              {list.name}
            </option>
          ))}
        </Select>
      )}
      <div className="w-40">
        <Input
          aria-label="Filter by tag"
          placeholder="Tag"
          value={values.tag}
          aria-invalid={tagError ? true : undefined}
          aria-describedby={tagError ? "tag-filter-error" : undefined}
          onChange={(e) => set("tag", e.target.value)}
        />
        {tagError && (
          <p id="tag-filter-error" className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
            {tagError}
          </p>
        )}
      </div>
      <Select
        aria-label="Filter by status"
        className="w-40"
        value={values.status}
        onChange={(e) => set("status", e.target.value as FilterValues["status"])}
      >
        <option value="">Any status</option>
        <option value="OPTED_IN">Opted in</option>
        <option value="OPTED_OUT">Opted out</option>
      </Select>
    </div>
  );
}
