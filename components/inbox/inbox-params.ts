"use client";
// The inbox's state in the URL (so a view, a search or a conversation can be linked and survives a
// reload): view, label, number, campaign, search, and the open conversation.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { INBOX_VIEWS, type InboxView } from "@/lib/inbox/inbox-input";

export interface InboxParams {
  view: InboxView;
  label: string | null;
  senderId: string | null;
  campaignId: string | null;
  search: string;
  conversationId: string | null;
}

const KEYS = { view: "view", label: "label", senderId: "number", campaignId: "campaign", search: "q", conversationId: "c" } as const;

export function useInboxParams(): [InboxParams, (change: Partial<InboxParams>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = params.get(KEYS.view);
  const current: InboxParams = {
    view: (INBOX_VIEWS as readonly string[]).includes(view ?? "") ? (view as InboxView) : "all",
    label: params.get(KEYS.label),
    senderId: params.get(KEYS.senderId),
    campaignId: params.get(KEYS.campaignId),
    search: params.get(KEYS.search) ?? "",
    conversationId: params.get(KEYS.conversationId),
  };
  const set = useCallback(
    (change: Partial<InboxParams>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(change)) {
        const name = KEYS[key as keyof InboxParams];
        if (value === null || value === "" || (key === "view" && value === "all")) next.delete(name);
        else next.set(name, String(value));
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, router, pathname],
  );
  return [current, set];
}
