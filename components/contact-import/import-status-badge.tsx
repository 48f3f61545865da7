import { Badge } from "@/components/ui/badge";
import type { ContactImportStatus } from "@/lib/generated/prisma/enums";

const STATUS: Record<ContactImportStatus, { label: string; tone: "neutral" | "green" | "red" | "blue" }> = {
  UPLOADED: { label: "Mapping columns", tone: "neutral" },
  STAGING: { label: "Checking file", tone: "blue" },
  READY: { label: "Ready to import", tone: "neutral" },
  RUNNING: { label: "Importing", tone: "blue" },
  COMPLETED: { label: "Imported", tone: "green" },
  CANCELED: { label: "Canceled", tone: "neutral" },
  FAILED: { label: "Failed", tone: "red" },
};

export function ImportStatusBadge({ status }: { status: ContactImportStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
