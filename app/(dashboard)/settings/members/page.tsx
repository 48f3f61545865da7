import type { Metadata } from "next";
import { MembersSettings } from "@/components/members/members-settings";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const user = await requireUser();
  return <MembersSettings currentUserId={user.id} />;
}
