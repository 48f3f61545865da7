import type { Metadata } from "next";
import { ContactDetailScreen } from "@/components/contacts/contact-detail";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ContactDetailScreen id={id} />;
}
