import type { Metadata } from "next";
import { SegmentEditorScreen } from "@/components/segments/segment-editor-screen";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SegmentEditorScreen id={id} />;
}
