import type { ReactNode } from "react";
import { PageHeader } from "@/components/app/page-header";
import { DevelopersTabs } from "@/components/developers/developers-tabs";

export default function DevelopersLayout({ children }: { children: ReactNode }) {
  return (
    <div className="max-w-5xl">
      <PageHeader title="Developers" description="Keys for the REST API and the Twilio-compatible API, and webhooks that tell your code what happened." />
      <DevelopersTabs />
      {children}
    </div>
  );
}
