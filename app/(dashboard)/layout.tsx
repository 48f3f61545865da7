import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app/app-shell";
import { ShortLinkBaseProvider } from "@/components/links/short-link-base";
import { isInstanceAdmin } from "@/lib/auth/instance-admin";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { appShortLinkBase } from "@/lib/links/link-code";
import { resolveActiveOrg } from "@/lib/orgs/active-org";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [{ orgs, active }, instanceAdmin] = await Promise.all([resolveActiveOrg(user.id), isInstanceAdmin(db, user.id)]);
  if (!active) redirect("/onboarding");
  return (
    <AppShell user={{ ...user, isInstanceAdmin: instanceAdmin }} orgs={orgs} activeOrg={active}>
      <ShortLinkBaseProvider base={appShortLinkBase()}>{children}</ShortLinkBaseProvider>
    </AppShell>
  );
}
