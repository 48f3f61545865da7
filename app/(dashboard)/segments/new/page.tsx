import type { Metadata } from "next";
import { SegmentEditorScreen } from "@/components/segments/segment-editor-screen";

export const metadata: Metadata = { title: "New segment" };

export default function NewSegmentPage() {
  return <SegmentEditorScreen />;
}
