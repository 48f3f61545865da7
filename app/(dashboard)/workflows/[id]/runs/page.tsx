import type { Metadata } from "next";
import { RunsScreen } from "@/components/workflows/runs-screen";

export const metadata: Metadata = { title: "Workflow runs" };

export default async function WorkflowRunsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RunsScreen id={id} />;
}
