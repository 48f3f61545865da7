import { TabLinks } from "@/components/ui/tab-links";

const TABS = [
  { href: "/developers", label: "API keys" },
  { href: "/developers/webhooks", label: "Webhooks" },
] as const;

export function DevelopersTabs() {
  return <TabLinks tabs={TABS} label="Developer sections" />;
}
