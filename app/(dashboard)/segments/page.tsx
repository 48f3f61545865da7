import type { Metadata } from "next";
import { SegmentsScreen } from "@/components/segments/segments-screen";

export const metadata: Metadata = { title: "Segments" };

export default function SegmentsPage() {
  return <SegmentsScreen />;
}
