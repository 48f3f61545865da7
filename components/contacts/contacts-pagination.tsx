"use client";
// The footer under the contacts table: the total (counted by its own query, which may arrive
// after the page), the range shown, and Previous/Next along the cursor trail.
import { ChevronLeft, ChevronRight } from "lucide-react";
import { formatCount, formatNumber } from "@/components/app/format";
import { Button } from "@/components/ui/button";

export function ContactsPagination({
  total,
  pageIndex,
  pageSize,
  itemsOnPage,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  total: number | undefined;
  pageIndex: number;
  pageSize: number;
  itemsOnPage: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const first = pageIndex * pageSize + 1;
  return (
    <div className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
      <p aria-live="polite">
        <span data-testid="contacts-count" className="font-medium text-zinc-900 dark:text-zinc-100">
          {total === undefined ? "Counting…" : formatCount(total, "contact")}
        </span>
        {itemsOnPage > 0 && (
          <span>
            {" "}
            · showing {formatNumber(first)}–{formatNumber(first + itemsOnPage - 1)}
          </span>
        )}
      </p>
      {(itemsOnPage > 0 || hasPrevious) && (
        <nav aria-label="Pagination" className="flex gap-2">
          <Button variant="secondary" size="sm" aria-label="Previous page" disabled={!hasPrevious} onClick={onPrevious}>
            <ChevronLeft className="h-4 w-4" aria-hidden />
            Previous
          </Button>
          <Button variant="secondary" size="sm" aria-label="Next page" disabled={!hasNext} onClick={onNext}>
            Next
            <ChevronRight className="h-4 w-4" aria-hidden />
          </Button>
        </nav>
      )}
    </div>
  );
}
