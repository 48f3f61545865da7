import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  // `relative` keeps absolutely placed content (sr-only labels) inside the scrolling box: otherwise
  // it is placed against the page and widens it on narrow screens.
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className={cn("w-full text-left text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("border-b border-zinc-200 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:border-zinc-800", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-zinc-100 px-3 py-2 dark:border-zinc-800/60", className)} {...props} />;
}

/** Placeholder rows while a table's first page loads. */
export function SkeletonRows({ columns, rows = 5 }: { columns: number; rows?: number }) {
  return Array.from({ length: rows }, (_, i) => (
    <tr key={i} aria-hidden>
      <Td colSpan={columns}>
        <div className="h-5 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
      </Td>
    </tr>
  ));
}
