// Which org the dashboard shows: the one in the cookie when the user belongs to it, else their first.
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { listUserOrgs } from "@/lib/orgs/list-user-orgs";
import { ACTIVE_ORG_COOKIE } from "@/lib/orgs/active-org-cookie";

export async function resolveActiveOrg(userId: string) {
  const [orgs, jar] = await Promise.all([listUserOrgs(db, userId), cookies()]);
  const wanted = jar.get(ACTIVE_ORG_COOKIE)?.value;
  const active = orgs.find((o) => o.id === wanted) ?? orgs[0] ?? null;
  return { orgs, active };
}
