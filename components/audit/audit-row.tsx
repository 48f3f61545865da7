import { Filter } from "lucide-react";
import Link from "next/link";
import { describeChanges } from "@/components/audit/describe-changes";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td } from "@/components/ui/table";
import type { ActorType } from "@/lib/generated/prisma/enums";

export interface AuditEntry {
  id: string;
  createdAt: Date;
  actorType: ActorType;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  changes: unknown;
}

// Targets that have a page of their own.
const TARGET_PAGES: Record<string, string> = { contact: "/contacts", list: "/lists" };
const ACTOR_BADGES: Partial<Record<ActorType, string>> = { API_KEY: "API key", SYSTEM: "System" };

// The viewer's own time zone: this renders only in the browser (the data is fetched there).
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

export function AuditRow({ entry, onFilter }: { entry: AuditEntry; onFilter: (targetId: string) => void }) {
  const lines = describeChanges(entry.changes);
  const page = TARGET_PAGES[entry.targetType];
  const actorBadge = ACTOR_BADGES[entry.actorType];
  return (
    <tr className="align-top">
      <Td className="whitespace-nowrap text-zinc-500">
        <time dateTime={entry.createdAt.toISOString()} title={entry.createdAt.toISOString()}>
          {dateFormat.format(entry.createdAt)}
          <br />
          {timeFormat.format(entry.createdAt)}
        </time>
      </Td>
      <Td className="min-w-44 max-w-64">
        <span className="[overflow-wrap:anywhere]">{entry.actorLabel ?? actorBadge ?? entry.actorType}</span>
        {actorBadge && entry.actorLabel && <Badge className="ml-1">{actorBadge}</Badge>}
      </Td>
      <Td>
        <code className="text-xs">{entry.action}</code>
      </Td>
      <Td className="whitespace-nowrap">
        <span className="text-zinc-500">{entry.targetType}</span>
        {entry.targetId && (
          <div className="flex items-center gap-1">
            {page ? (
              <Link href={`${page}/${entry.targetId}`} className="font-mono text-xs text-brand-600 hover:underline">
                {entry.targetId}
              </Link>
            ) : (
              <span className="font-mono text-xs">{entry.targetId}</span>
            )}
            <Button
              variant="ghost"
              size="icon"
              className="h-6 w-6"
              aria-label={`Show only entries for ${entry.targetId}`}
              title="Show only entries for this target"
              onClick={() => onFilter(entry.targetId!)}
            >
              <Filter className="h-3 w-3" aria-hidden />
            </Button>
          </div>
        )}
      </Td>
      <Td className="min-w-56">
        {lines.length > 0 ? (
          <ul className="space-y-0.5 text-xs">
            {lines.map((line, i) => (
              <li key={i} className="break-words">
                {line}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-zinc-400">—</span>
        )}
      </Td>
    </tr>
  );
}
