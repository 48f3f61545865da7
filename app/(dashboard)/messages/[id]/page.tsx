import type { Metadata } from "next";
import { MessageDetailScreen } from "@/components/messaging/message-detail";

export const metadata: Metadata = { title: "Message" };

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MessageDetailScreen id={id} />;
}
