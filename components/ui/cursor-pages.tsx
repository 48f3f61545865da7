"use client";
// A list that grows a page at a time along a cursor ("Show older ..."): the pages shown so far, each
// its own query keyed by its cursor, so loading more never refetches what is on screen.
import { Fragment, useState, type ReactNode } from "react";

export interface CursorPageProps {
  cursor: string | undefined;
  /** The newest page: where "nothing yet" is said. */
  first: boolean;
  /** Set on the last page shown: loads the next older one. */
  onMore?: (cursor: string) => void;
}

export function CursorPages({ page }: { page: (props: CursorPageProps) => ReactNode }) {
  // One entry per page shown: undefined for the newest, then each page's nextCursor.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return cursors.map((cursor, i) => (
    <Fragment key={cursor ?? "first"}>
      {page({ cursor, first: i === 0, onMore: i === cursors.length - 1 ? (next) => setCursors([...cursors, next]) : undefined })}
    </Fragment>
  ));
}
