// What the Jobs page shows: runs of the embedded executor, newest first, and the events it received.
// These tables belong to the whole installation (the executor serves every org), so only instance
// admins reach them (lib/trpc/init.ts instanceAdminProcedure).
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { listJobEventsInput, listJobRunsInput } from "@/lib/job-runs/job-runs-input";

const durationMs = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);

export async function listJobRuns(db: Db, raw: z.input<typeof listJobRunsInput>) {
  const { status, functionId, cursor, limit } = listJobRunsInput.parse(raw);
  const rows = await db.jobRun.findMany({
    where: { ...(status && { status }), ...(functionId && { functionId }), ...(cursor && { id: { lt: cursor } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      functionId: true,
      status: true,
      eventIds: true,
      error: true,
      replayOfId: true,
      createdAt: true,
      startedAt: true,
      endedAt: true,
      _count: { select: { steps: true } },
    },
  });
  const items = rows.slice(0, limit).map(({ _count, ...run }) => ({
    ...run,
    stepCount: _count.steps,
    durationMs: durationMs(run.startedAt, run.endedAt),
  }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** The functions registered with the executor, for the page's filter. */
export function listJobFunctions(db: Db) {
  return db.jobFunction.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function getJobRun(db: Db, runId: string) {
  const run = await db.jobRun.findUnique({
    where: { id: runId },
    include: { steps: { orderBy: [{ startedAt: "asc" }, { completedAt: "asc" }] } },
  });
  if (!run) return null;
  const fn = await db.jobFunction.findUnique({ where: { id: run.functionId }, select: { name: true } });
  return {
    ...run,
    functionName: fn?.name ?? run.functionId,
    durationMs: durationMs(run.startedAt, run.endedAt),
    steps: run.steps.map((s) => ({ ...s, durationMs: durationMs(s.startedAt, s.endedAt) })),
  };
}

export async function listJobEvents(db: Db, raw: z.input<typeof listJobEventsInput>) {
  const { name, cursor, limit } = listJobEventsInput.parse(raw);
  const rows = await db.jobEvent.findMany({
    where: { ...(name && { name }), ...(cursor && { id: { lt: cursor } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const items = rows.slice(0, limit);
  // Which runs each event started (none is a normal outcome: an event no function listens to).
  const runs = await db.jobRun.findMany({
    where: { eventIds: { hasSome: items.map((e) => e.id) } },
    select: { id: true, eventIds: true, status: true, functionId: true },
  });
  return {
    items: items.map((e) => ({ ...e, runs: runs.filter((r) => r.eventIds.includes(e.id)) })),
    nextCursor: rows.length > limit ? items[items.length - 1]!.id : null,
  };
}
