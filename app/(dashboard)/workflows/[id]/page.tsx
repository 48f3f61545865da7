import type { Metadata } from "next";
import { WorkflowScreen } from "@/components/workflows/workflow-screen";

export const metadata: Metadata = { title: "Workflow" };

export default async function WorkflowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <WorkflowScreen id={id} />;
}
