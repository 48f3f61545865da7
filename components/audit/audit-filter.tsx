"use client";
// The row above the audit log: the kind of object, the action (narrowed to that kind), who did it,
// and an object's id. The choices apply at once; the id applies on Enter.
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { actorKey, NO_AUDIT_FILTERS, type AuditFilterValues } from "@/components/audit/audit-filter-values";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from "@/lib/audit/audit-catalog";
import { useTRPC } from "@/lib/trpc/react";

const TYPES = Object.entries(AUDIT_TARGET_TYPES) as [AuditTargetType, string][];
const ACTIONS = Object.entries(AUDIT_ACTIONS) as [AuditAction, (typeof AUDIT_ACTIONS)[AuditAction]][];

export function AuditFilter({ values, onChange }: { values: AuditFilterValues; onChange: (values: AuditFilterValues) => void }) {
  const trpc = useTRPC();
  const actors = useQuery(trpc.audit.actors.queryOptions());
  const [target, setTarget] = useState(values.target);
  const [prevTarget, setPrevTarget] = useState(values.target);
  // Follow the URL when it changes from elsewhere (a row's filter button, back/forward).
  if (prevTarget !== values.target) {
    setPrevTarget(values.target);
    setTarget(values.target);
  }

  function setType(type: AuditFilterValues["type"]) {
    // An action of another kind would match nothing: drop it.
    const action = values.action && type && AUDIT_ACTIONS[values.action].target !== type ? "" : values.action;
    onChange({ ...values, type, action });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onChange({ ...values, target: target.trim() });
  }

  const filtered = Object.values(values).some(Boolean);
  return (
    <form role="search" aria-label="Filter audit log" onSubmit={onSubmit} className="mb-4 flex flex-wrap items-center gap-2">
      <Select aria-label="Filter by object type" className="w-full sm:w-44" value={values.type} onChange={(e) => setType(e.target.value as AuditFilterValues["type"])}>
        <option value="">Any object</option>
        {TYPES.map(([type, label]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Filter by action"
        className="w-full sm:w-56"
        value={values.action}
        onChange={(e) => onChange({ ...values, action: e.target.value as AuditFilterValues["action"] })}
      >
        <option value="">Any action</option>
        {ACTIONS.filter(([, a]) => !values.type || a.target === values.type).map(([action, { label }]) => (
          <option key={action} value={action}>
            {label}
          </option>
        ))}
      </Select>
      <Select aria-label="Filter by actor" className="w-full sm:w-56" value={values.actor} onChange={(e) => onChange({ ...values, actor: e.target.value })}>
        <option value="">Anyone</option>
        {/* A linked actor that is not listed (a removed member) still shows as chosen. */}
        {values.actor && actors.data && !actors.data.some((a) => actorKey(a) === values.actor) && <option value={values.actor}>{values.actor}</option>}
        {actors.data?.map((actor) => (
          <option key={actorKey(actor)} value={actorKey(actor)}>
            {actor.label}
          </option>
        ))}
      </Select>
      <Input
        aria-label="Filter by object ID"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        placeholder="Object ID, e.g. ct_01j…"
        className="w-full font-mono sm:w-64"
        spellCheck={false}
      />
      {/* Only while a typed id is not applied yet: the choices above apply without it. */}
      {target.trim() !== values.target && (
        <Button type="submit" variant="secondary">
          Filter by ID
        </Button>
      )}
      {filtered && (
        <Button variant="ghost" onClick={() => onChange(NO_AUDIT_FILTERS)}>
          Clear filters
        </Button>
      )}
    </form>
  );
}
