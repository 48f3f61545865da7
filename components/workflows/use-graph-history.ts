"use client";
// Undo and redo for the canvas (xyflow has none): a stack of graph snapshots. Typing in one field
// makes one step, not one per key: a change with the same `coalesce` key as the last, within a
// couple of seconds, replaces it.
import { useCallback, useRef, useState } from "react";

const LIMIT = 100;
const COALESCE_MS = 1500;

export function useGraphHistory<T>(initial: T) {
  const [state, setState] = useState({ past: [] as T[], present: initial, future: [] as T[] });
  const last = useRef<{ key: string; at: number } | null>(null);

  const commit = useCallback((next: T | ((present: T) => T), coalesce?: string) => {
    // Decided outside the updater, which React may run twice.
    const now = Date.now();
    const merge = coalesce !== undefined && last.current?.key === coalesce && now - last.current.at < COALESCE_MS;
    last.current = coalesce === undefined ? null : { key: coalesce, at: now };
    setState((s) => {
      const value = typeof next === "function" ? (next as (present: T) => T)(s.present) : next;
      if (value === s.present) return s;
      return { past: merge ? s.past : [...s.past, s.present].slice(-LIMIT), present: value, future: [] };
    });
  }, []);

  /** A change that is not a step of its own (a node dragged: its positions while it moves). */
  const replace = useCallback((next: (present: T) => T) => setState((s) => ({ ...s, present: next(s.present) })), []);
  /** Marks where a step starts (a drag's start), so the step undoes to here. */
  const checkpoint = useCallback(() => {
    last.current = null;
    setState((s) => ({ past: [...s.past, s.present].slice(-LIMIT), present: s.present, future: [] }));
  }, []);

  const undo = useCallback(() => {
    last.current = null;
    setState((s) => (s.past.length ? { past: s.past.slice(0, -1), present: s.past[s.past.length - 1]!, future: [s.present, ...s.future] } : s));
  }, []);
  const redo = useCallback(() => {
    last.current = null;
    setState((s) => (s.future.length ? { past: [...s.past, s.present], present: s.future[0]!, future: s.future.slice(1) } : s));
  }, []);

  return { value: state.present, commit, replace, checkpoint, undo, redo, canUndo: state.past.length > 0, canRedo: state.future.length > 0 };
}
