"use client";
// The app's short-link base (APP_URL/l/), handed down from the dashboard's layout: the compose box
// counts a text with short links at their real length before any code exists, as the server will.
import { createContext, useContext, type ReactNode } from "react";

const ShortLinkBase = createContext<string | null>(null);

export function ShortLinkBaseProvider({ base, children }: { base: string; children: ReactNode }) {
  return <ShortLinkBase.Provider value={base}>{children}</ShortLinkBase.Provider>;
}

export function useShortLinkBase(): string {
  const base = useContext(ShortLinkBase);
  if (base === null) throw new Error("useShortLinkBase needs ShortLinkBaseProvider (app/(dashboard)/layout.tsx)");
  return base;
}
