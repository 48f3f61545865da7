import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app/app-shell";
import { requireUser } from "@/lib/auth/session";
import { resolveActiveOrg } from "@/lib/orgs/active-org";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const { orgs, active } = await resolveActiveOrg(user.id);
  if (!active) redirect("/onboarding");
  return (
    <AppShell user={user} orgs={orgs} activeOrg={active}>
      {children}
    </AppShell>
  );
}
