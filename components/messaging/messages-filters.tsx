"use client";
// The row above the message log: number search, status, direction and a date range.
import { Search } from "lucide-react";
import { statusLabel } from "@/components/messaging/message-status-badge";
import { Input, Select } from "@/components/ui/input";
import { MessageStatus } from "@/lib/generated/prisma/enums";

export interface MessageFilterValues {
  number: string;
  status: "" | MessageStatus;
  direction: "" | "OUTBOUND" | "INBOUND";
  /** `YYYY-MM-DD` days in the viewer's zone, both included. */
  fromDay: string;
  toDay: string;
}

export const NO_MESSAGE_FILTERS: MessageFilterValues = { number: "", status: "", direction: "", fromDay: "", toDay: "" };

/** The day range as instants: from the first day's midnight to the midnight after the last day. */
export function dayRange(values: MessageFilterValues): { since?: Date; until?: Date } {
  const midnight = (day: string, plusDays = 0) => {
    const [y, m, d] = day.split("-").map(Number);
    return new Date(y!, m! - 1, d! + plusDays);
  };
  return {
    ...(values.fromDay && { since: midnight(values.fromDay) }),
    ...(values.toDay && { until: midnight(values.toDay, 1) }),
  };
}

export function MessagesFilters({ values, onChange, errors }: { values: MessageFilterValues; onChange: (values: MessageFilterValues) => void; errors: Record<string, string> }) {
  const set = <K extends keyof MessageFilterValues>(key: K, value: MessageFilterValues[K]) => onChange({ ...values, [key]: value });
  const error = errors.number ?? errors.until;
  return (
    <div className="mb-4">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-56 flex-[1_1_100%] sm:flex-1">
          <Search className="pointer-events-none absolute left-3 top-2.5 h-4 w-4 text-zinc-400" aria-hidden />
          <Input
            type="search"
            aria-label="Filter by number"
            placeholder="To or from number"
            className="pl-9"
            value={values.number}
            aria-invalid={errors.number ? true : undefined}
            onChange={(e) => set("number", e.target.value)}
          />
        </div>
        <Select aria-label="Filter by status" className="min-w-36 flex-1 sm:w-40 sm:min-w-0 sm:flex-none" value={values.status} onChange={(e) => set("status", e.target.value as MessageFilterValues["status"])}>
          <option value="">Any status</option>
          {Object.values(MessageStatus).map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </Select>
        <Select aria-label="Filter by direction" className="min-w-36 flex-1 sm:w-36 sm:min-w-0 sm:flex-none" value={values.direction} onChange={(e) => set("direction", e.target.value as MessageFilterValues["direction"])}>
          <option value="">Both ways</option>
          <option value="OUTBOUND">Outbound</option>
          <option value="INBOUND">Inbound</option>
        </Select>
        <Input type="date" aria-label="From date" className="min-w-36 flex-1 sm:w-40 sm:min-w-0 sm:flex-none" value={values.fromDay} onChange={(e) => set("fromDay", e.target.value)} />
        <span className="text-sm text-zinc-500">to</span>
        <Input type="date" aria-label="To date" className="min-w-36 flex-1 sm:w-40 sm:min-w-0 sm:flex-none" value={values.toDay} aria-invalid={errors.until ? true : undefined} onChange={(e) => set("toDay", e.target.value)} />
      </div>
      {error && (
        <p role="alert" className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
