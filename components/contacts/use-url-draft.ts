"use client";
import { useEffect, useRef, useState } from "react";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";

/**
 * A text box whose value lives in the URL: what is typed shows at once, goes to the URL (`apply`)
 * once typing pauses, and follows the URL when it changes from outside (Back, a link).
 */
export function useUrlDraft(fromUrl: string, apply: (text: string) => void): [string, (text: string) => void] {
  const [draft, setDraft] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  if (seen !== fromUrl) {
    setSeen(fromUrl);
    setDraft(fromUrl);
  }
  const settled = useDebouncedValue(draft);
  const latest = useRef({ fromUrl, apply });
  useEffect(() => {
    latest.current = { fromUrl, apply };
  });
  // Only a pause in typing applies: when the URL moved (Back), `settled` still holds the old text
  // until it catches up, and must not be written back.
  useEffect(() => {
    if (settled !== latest.current.fromUrl) latest.current.apply(settled);
  }, [settled]);
  return [draft, setDraft];
}
