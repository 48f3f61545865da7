import type { Metadata } from "next";
import { ListDetailScreen } from "@/components/lists/list-detail";

export const metadata: Metadata = { title: "List" };

export default async function ListPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ListDetailScreen id={id} />;
}
