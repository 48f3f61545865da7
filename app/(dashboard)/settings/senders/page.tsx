import type { Metadata } from "next";
import { SendersSettings } from "@/components/senders/senders-settings";

export const metadata: Metadata = { title: "Sender numbers" };

export default function SendersPage() {
  return <SendersSettings />;
}
