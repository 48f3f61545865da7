"use client";
// The contacts view lives in the URL (components/contacts/contacts-view-params.ts). Discrete choices
// (a list, a status, a sort) push a history entry so Back undoes them; typing (search, tag, rules)
// replaces the current one so Back does not step through keystrokes. history.pushState and
// replaceState are followed by Next.js without a server round trip.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { viewFromParams, viewQuery, type ContactsView } from "@/components/contacts/contacts-view-params";

export type SetContactsView = (next: Partial<ContactsView>, mode?: "push" | "replace") => void;

export function useContactsView(): [ContactsView, SetContactsView] {
  const params = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => viewFromParams(new URLSearchParams(params.toString())), [params]);
  const setView = useCallback<SetContactsView>(
    (next, mode = "push") => {
      // From the address bar, not a render's snapshot: two changes in one tick both stay.
      const current = viewFromParams(new URLSearchParams(window.location.search));
      const href = `${pathname}${viewQuery({ ...current, ...next })}`;
      if (href === `${pathname}${window.location.search}`) return;
      if (mode === "push") window.history.pushState(null, "", href);
      else window.history.replaceState(null, "", href);
    },
    [pathname],
  );
  return [view, setView];
}
