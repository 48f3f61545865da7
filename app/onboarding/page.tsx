import type { Metadata } from "next";
import Link from "next/link";
import { CenteredPage } from "@/components/app/centered-page";
import { countryOptions } from "@/components/orgs/country-options";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listUserOrgs } from "@/lib/orgs/list-user-orgs";

export const metadata: Metadata = { title: "Create your organisation" };

export default async function OnboardingPage() {
  const user = await requireUser();
  const orgs = await listUserOrgs(db, user.id);
  return (
    <CenteredPage>
      <Card className="p-6">
        <h1 className="text-lg font-semibold">Create your organisation</h1>
        <p className="mb-6 mt-1 text-sm text-zinc-500">
          Contacts, lists and messages belong to an organisation. You can invite your team once it exists.
        </p>
        <CreateOrgForm countries={countryOptions()} />
      </Card>
      {orgs.length > 0 && (
        <p className="mt-6 text-center text-sm text-zinc-500">
          <Link href="/contacts" className="font-medium text-brand-600 hover:underline">
            <span aria-hidden>← </span>Back to the dashboard
          </Link>
        </p>
      )}
    </CenteredPage>
  );
}
