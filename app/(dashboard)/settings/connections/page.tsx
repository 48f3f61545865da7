import type { Metadata } from "next";
import { ConnectionsSettings } from "@/components/carriers/connections-settings";

export const metadata: Metadata = { title: "Carrier connections" };

export default function ConnectionsPage() {
  return <ConnectionsSettings />;
}
