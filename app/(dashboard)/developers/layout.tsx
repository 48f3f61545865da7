import { BookOpen } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/app/page-header";
import { DevelopersTabs } from "@/components/developers/developers-tabs";
import { buttonClass } from "@/components/ui/button";

export default function DevelopersLayout({ children }: { children: ReactNode }) {
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Developers"
        description="Keys for the REST API and the Twilio-compatible API, and webhooks that tell your code what happened."
        actions={
          <Link href="/docs/api" className={buttonClass({ variant: "secondary" })}>
            <BookOpen className="h-4 w-4" aria-hidden /> API reference
          </Link>
        }
      />
      <DevelopersTabs />
      {children}
    </div>
  );
}
