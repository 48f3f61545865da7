"use client";
import { useEffect, useRef, type HTMLAttributes, type TdHTMLAttributes, type ThHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A table that becomes a list of cards below the `md` breakpoint (app/globals.css, `.table-cards`):
 * a phone shows each row whole rather than a table scrolling sideways. A card's title is the row's
 * first cell (or its `primary` one); every other cell is a line "label value", the label being the
 * visible text of its column's header (or the header's `cardLabel`), copied onto the cells here so that
 * no page repeats its headers. A column whose header shows nothing (actions) gets no label. `cards="inline"`
 * (tables of figures) sets a card's facts side by side, each label above its value.
 */
export function Table({ className, cards = "lines", ...props }: HTMLAttributes<HTMLTableElement> & { cards?: "lines" | "inline" }) {
  const ref = useRef<HTMLTableElement>(null);
  useEffect(() => {
    const table = ref.current;
    if (!table) return;
    labelCells(table);
    // Rows arrive and change after the table mounts (queries, pages, expanded rows).
    const observer = new MutationObserver(() => labelCells(table));
    observer.observe(table, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  // `relative` keeps absolutely placed content (sr-only labels) inside the scrolling box: otherwise
  // it is placed against the page and widens it on narrow screens.
  return (
    <div data-cards={cards} className="table-cards relative overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table ref={ref} className={cn("w-full text-left text-sm", className)} {...props} />
    </div>
  );
}

/** Each body and footer cell's `data-label`: the header over its column; none for a cell spanning columns. */
function labelCells(table: HTMLTableElement) {
  const headers: string[] = [];
  for (const th of table.tHead?.rows[0]?.cells ?? []) {
    const text = th.dataset.cardLabel ?? visibleText(th);
    for (let i = 0; i < th.colSpan; i++) headers.push(text);
  }
  for (const section of [...table.tBodies, table.tFoot]) {
    for (const row of section?.rows ?? []) {
      let column = 0;
      for (const cell of row.cells) {
        const label = cell.colSpan === 1 ? headers[column] : undefined;
        column += cell.colSpan;
        if (!label) cell.removeAttribute("data-label");
        else if (cell.dataset.label !== label) cell.dataset.label = label;
      }
    }
  }
}

/** The text a sighted reader sees: without screen-reader-only words. */
function visibleText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll(".sr-only").forEach((hidden) => hidden.remove());
  return copy.textContent?.trim() ?? "";
}

export function Th({ className, cardLabel, ...props }: ThHTMLAttributes<HTMLTableCellElement> & { cardLabel?: string }) {
  return (
    <th
      scope="col"
      data-card-label={cardLabel}
      className={cn("border-b border-zinc-200 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:border-zinc-800", className)}
      {...props}
    />
  );
}

/**
 * In a card (narrow screens), on the title's line: `lead` first (a checkbox, an icon), `primary` (the
 * title, without a label; by default the row's first cell), `badge` last (a status). `hide`: left out.
 */
export type CardRole = "lead" | "primary" | "badge" | "hide";

export function Td({ className, card, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { card?: CardRole }) {
  return <td data-card={card} className={cn("border-b border-zinc-100 px-3 py-2 dark:border-zinc-800/60", className)} {...props} />;
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
