// The list convention of every collection: `?limit=&starting_after=<id>`, newest first, answered as
// { data: [...], has_more, next_cursor }. IDs are time-ordered, so the cursor is the last id seen.
import { z } from "zod";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const paginationParams = {
  limit: z.coerce
    .number("must be a number")
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(DEFAULT_PAGE_SIZE)
    .describe("How many to answer"),
  starting_after: z.string().trim().min(1).max(64).optional().describe("The previous page's `next_cursor`: the page after it"),
};

export function page<T, R>(items: T[], nextCursor: string | null, serialize: (item: T) => R) {
  return { data: items.map(serialize), has_more: nextCursor !== null, next_cursor: nextCursor };
}
