import { Filter } from "lucide-react";
import Link from "next/link";
import { describeChanges } from "@/components/audit/describe-changes";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td } from "@/components/ui/table";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "@/lib/audit/audit-catalog";
import type { AuditRefs } from "@/lib/audit/resolve-audit-refs";
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

const ACTOR_BADGES: Partial<Record<ActorType, string>> = { API_KEY: "API key", SYSTEM: "System" };

// Rows written before an action or kind was catalogued still read, as their code.
const actionLabel = (action: string) => AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS]?.label ?? action;
const typeLabel = (type: string) => AUDIT_TARGET_TYPES[type as keyof typeof AUDIT_TARGET_TYPES] ?? type;

// The viewer's own time zone: this renders only in the browser (the data is fetched there).
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

/** The object a row is about: its name, linked to its page while it exists, "deleted" once it is gone. */
function Target({ id, refs }: { id: string; refs: AuditRefs }) {
  const ref = refs[id];
  if (ref === null) {
    return (
      <span className="text-zinc-500" title={id}>
        <span className="font-mono text-xs">{id}</span> <Badge>deleted</Badge>
      </span>
    );
  }
  if (!ref) return <span className="font-mono text-xs">{id}</span>;
  return ref.href ? (
    <Link href={ref.href} title={id} className="font-medium text-brand-600 hover:underline dark:text-brand-500">
      {ref.label}
    </Link>
  ) : (
    <span title={id}>{ref.label}</span>
  );
}

export function AuditRow({ entry, refs, onFilterTarget }: { entry: AuditEntry; refs: AuditRefs; onFilterTarget: (targetId: string) => void }) {
  const lines = describeChanges(entry.changes, (id) => refs[id]?.label);
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
      <Td card="primary" className="min-w-40" title={entry.action}>
        {actionLabel(entry.action)}
      </Td>
      <Td className="min-w-48 max-w-72">
        <span className="block text-xs text-zinc-500">{typeLabel(entry.targetType)}</span>
        {entry.targetId && (
          <div className="flex items-start gap-1">
            <span className="[overflow-wrap:anywhere]">
              <Target id={entry.targetId} refs={refs} />
            </span>
            <Button
              variant="ghost"
              size="icon"
              className="h-6 w-6 shrink-0"
              aria-label={`Show only entries for ${refs[entry.targetId]?.label ?? entry.targetId}`}
              title="Show only entries for this object"
              onClick={() => onFilterTarget(entry.targetId!)}
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
