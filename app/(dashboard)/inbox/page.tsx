import type { Metadata } from "next";
import { Suspense } from "react";
import { InboxScreen } from "@/components/inbox/inbox-screen";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const user = await requireUser();
  return (
    <Suspense>
      <InboxScreen me={user.id} />
    </Suspense>
  );
}
