import type { Metadata } from "next";
import { phoneFromPath } from "@/components/phones/phone-path";
import { PhoneScreen } from "@/components/phones/phone-screen";

export const metadata: Metadata = { title: "Phone" };

export default async function PhonePage({ params }: { params: Promise<{ phone: string }> }) {
  const { phone } = await params;
  return <PhoneScreen phone={phoneFromPath(phone)} />;
}
