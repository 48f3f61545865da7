import type { Metadata } from "next";
import { ImportScreen } from "@/components/contact-import/import-screen";

export const metadata: Metadata = { title: "Import contacts" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ImportScreen id={id} />;
}
