// The sidebar: only areas that exist appear; admin-only areas only for admins and owners.
import { BookOpen, ChartColumn, Cog, ContactRound, CodeXml, Filter, Inbox, List, Megaphone, MessagesSquare, ScrollText, Settings, Smartphone, Workflow, type LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  adminOnly?: boolean;
  /** For administrators of the installation (not of an org). */
  instanceAdminOnly?: boolean;
  /** A count beside the label (the inbox's unread). */
  badge?: "inboxUnread";
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: ChartColumn },
  { href: "/inbox", label: "Inbox", icon: Inbox, badge: "inboxUnread" },
  { href: "/messages", label: "Messages", icon: MessagesSquare },
  { href: "/campaigns", label: "Campaigns", icon: Megaphone },
  { href: "/workflows", label: "Workflows", icon: Workflow },
  { href: "/contacts", label: "Contacts", icon: ContactRound },
  { href: "/lists", label: "Lists", icon: List },
  { href: "/segments", label: "Segments", icon: Filter },
  { href: "/phones", label: "Phones", icon: Smartphone },
  { href: "/settings", label: "Settings", icon: Settings },
  { href: "/developers", label: "Developers", icon: CodeXml, adminOnly: true },
  // The public reference (outside the app's shell, which it links back to), beside the keys it needs.
  { href: "/docs/api", label: "API reference", icon: BookOpen, adminOnly: true },
  { href: "/audit", label: "Audit log", icon: ScrollText, adminOnly: true },
  { href: "/jobs", label: "Jobs", icon: Cog, instanceAdminOnly: true },
];
