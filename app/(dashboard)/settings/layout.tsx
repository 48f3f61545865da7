import type { ReactNode } from "react";
import { PageHeader } from "@/components/app/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="max-w-4xl">
      <PageHeader title="Settings" description="Your organisation, the fields contacts carry, who works here, and how messages go out." />
      <SettingsTabs />
      {children}
    </div>
  );
}
