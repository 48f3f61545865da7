"use client";
// The row above the contacts table: search, the list, tag and consent filters (rules of the view's
// segment definition), and the button that opens the advanced filter (the segment builder).
import { useQuery } from "@tanstack/react-query";
import { Filter, Search } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { useTRPC } from "@/lib/trpc/react";

export interface FilterDrafts {
  search: string;
  listId: string;
  tag: string;
  status: "" | "OPTED_IN" | "OPTED_OUT";
}

export function ContactsFilters({
  values,
  onChange,
  showListFilter,
  tagError,
  advancedRules,
  advancedOpen,
  onToggleAdvanced,
  children,
}: {
  values: FilterDrafts;
  onChange: (values: Partial<FilterDrafts>) => void;
  /** Off on a list's own page, where the list is fixed. */
  showListFilter: boolean;
  tagError?: string;
  /** How many rules the advanced filter holds. */
  advancedRules: number;
  advancedOpen: boolean;
  onToggleAdvanced: () => void;
  /** More actions on the view (Save as segment). */
  children?: ReactNode;
}) {
  const trpc = useTRPC();
  const lists = useQuery({ ...trpc.lists.list.queryOptions(), enabled: showListFilter });

  return (
    <div className="mb-4 flex flex-wrap items-start gap-2">
      <div className="relative w-full min-w-0 sm:w-auto sm:min-w-64 sm:flex-1">
        <Search className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-zinc-400" aria-hidden />
        <Input
          type="search"
          aria-label="Search contacts"
          placeholder="Search by name, phone or email"
          className="pl-9"
          value={values.search}
          onChange={(e) => onChange({ search: e.target.value })}
        />
      </div>
      {showListFilter && (
        <Select aria-label="Filter by list" className="w-[calc(50%-0.25rem)] sm:w-44" value={values.listId} onChange={(e) => onChange({ listId: e.target.value })}>
          <option value="">All lists</option>
          {lists.data?.map((list) => (
            <option key={list.id} value={list.id}>
              {list.name}
            </option>
          ))}
        </Select>
      )}
      <div className="w-[calc(50%-0.25rem)] sm:w-40">
        <Input
          aria-label="Filter by tag"
          placeholder="Tag"
          value={values.tag}
          aria-invalid={tagError ? true : undefined}
          aria-describedby={tagError ? "tag-filter-error" : undefined}
          onChange={(e) => onChange({ tag: e.target.value })}
        />
        {tagError && (
          <p id="tag-filter-error" className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
            {tagError}
          </p>
        )}
      </div>
      <Select
        aria-label="Filter by status"
        className="w-[calc(50%-0.25rem)] sm:w-40"
        value={values.status}
        onChange={(e) => onChange({ status: e.target.value as FilterDrafts["status"] })}
      >
        <option value="">Any status</option>
        <option value="OPTED_IN">Opted in</option>
        <option value="OPTED_OUT">Opted out</option>
      </Select>
      <Button variant={advancedRules > 0 ? "primary" : "secondary"} aria-expanded={advancedOpen} aria-controls="advanced-filter" onClick={onToggleAdvanced}>
        <Filter className="h-4 w-4" aria-hidden />
        Advanced filter{advancedRules > 0 && ` (${advancedRules})`}
      </Button>
      {children}
    </div>
  );
}
