import type { Metadata } from "next";
import { SendingRulesSettings } from "@/components/settings/sending-rules-settings";

export const metadata: Metadata = { title: "Sending rules" };

export default function SendingRulesPage() {
  return <SendingRulesSettings />;
}
