import { TabLinks } from "@/components/ui/tab-links";

const TABS = [
  { href: "/settings", label: "General" },
  { href: "/settings/custom-fields", label: "Custom fields" },
  { href: "/settings/members", label: "Members" },
  { href: "/settings/connections", label: "Connections" },
  { href: "/settings/senders", label: "Senders" },
  { href: "/settings/keywords", label: "Keywords" },
  { href: "/settings/sending", label: "Sending rules" },
  { href: "/settings/alerts", label: "Alerts" },
] as const;

export function SettingsTabs() {
  return <TabLinks tabs={TABS} label="Settings sections" />;
}
