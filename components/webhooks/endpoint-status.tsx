// An endpoint's state as a badge, and the notice when it was switched off automatically.
import { Badge } from "@/components/ui/badge";
import type { EndpointView } from "@/lib/webhooks/manage-endpoints";

export function EndpointState({ endpoint }: { endpoint: Pick<EndpointView, "enabled" | "disabledReason"> }) {
  if (endpoint.enabled) return <Badge tone="green">Enabled</Badge>;
  return <Badge tone={endpoint.disabledReason ? "red" : "neutral"}>{endpoint.disabledReason ? "Disabled: failing" : "Disabled"}</Badge>;
}

export function AutoDisabledNotice({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <div role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">
      {reason}
    </div>
  );
}
