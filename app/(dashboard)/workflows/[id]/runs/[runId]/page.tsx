import type { Metadata } from "next";
import { RunScreen } from "@/components/workflows/run-screen";

export const metadata: Metadata = { title: "Workflow run" };

export default async function WorkflowRunPage({ params }: { params: Promise<{ id: string; runId: string }> }) {
  const { id, runId } = await params;
  return <RunScreen workflowId={id} runId={runId} />;
}
