"use client";
// Autosave of a workflow's draft: a save a moment after the last edit, one at a time (a change made
// while one is in flight is saved after it), each naming the revision it edits. A save refused as
// stale (another tab saved since) stops autosaving: the page says to reload, rather than retrying
// over the other tab's work.
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkflowDraftGraph, WorkflowSettings } from "@/lib/workflows/graph-model";
import { useTRPC } from "@/lib/trpc/react";

const DELAY_MS = 700;
export type SaveState = "saved" | "pending" | "saving" | "error" | "stale";

export function useAutosave(id: string, initialRevision: number, value: { graph: WorkflowDraftGraph; settings: WorkflowSettings }, onSaved: (r: { draftChanged: boolean }) => void) {
  const trpc = useTRPC();
  // mutateAsync keeps its identity across renders, so the debounce below is not reset by each render.
  const { mutateAsync: save } = useMutation(trpc.workflows.saveDraft.mutationOptions());
  const revision = useRef(initialRevision);
  const savedValue = useRef(value);
  const latest = useRef(value);
  const inFlight = useRef<Promise<void> | null>(null);
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  // Before the save effect below, which reads it.
  useEffect(() => {
    latest.current = value;
  }, [value]);

  const saveNow = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    const v = latest.current;
    if (v === savedValue.current) return;
    setState("saving");
    const run = (async () => {
      try {
        const r = await save({ id, revision: revision.current, graph: v.graph, settings: v.settings });
        revision.current = r.revision;
        savedValue.current = v;
        setError(null);
        onSaved(r);
        setState(latest.current === v ? "saved" : "pending");
      } catch (e) {
        const message = (e as Error).message;
        const stale = (e as { data?: { code?: string } }).data?.code === "CONFLICT";
        setError(message);
        setState(stale ? "stale" : "error");
        throw e;
      }
    })();
    inFlight.current = run.finally(() => (inFlight.current = null)).catch(() => undefined);
    await run;
  }, [id, onSaved, save]);

  const stale = state === "stale";
  // On each edit (not on a failed save: a failure is retried by the next edit, or by Publish).
  useEffect(() => {
    if (value === savedValue.current || stale) return;
    setState((s) => (s === "saving" ? s : "pending"));
    const timer = setTimeout(() => void saveNow().catch(() => undefined), DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, saveNow, stale]);

  // Leaving with unsaved edits: the browser asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current !== savedValue.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return { state, error, flush: saveNow };
}
