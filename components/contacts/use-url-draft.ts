"use client";
import { useState } from "react";

/**
 * A text box whose value lives in the URL. What is typed shows as typed and goes to the URL at once
 * through `apply`, which returns the value it wrote (trimmed, normalised) or undefined when the text
 * is not one to write (an invalid tag). Nothing is written later: a write held back until typing
 * pauses would land after a click that already left the page, and take the user back. Those who
 * read the URL debounce what they fetch. The box follows the URL when it changes from outside
 * (Back, a link), but not when the URL only holds the trimmed form of what is typed.
 */
export function useUrlDraft(fromUrl: string, apply: (text: string) => string | undefined): [string, (text: string) => void] {
  const [draft, setDraft] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  const [written, setWritten] = useState(fromUrl);
  if (seen !== fromUrl) {
    setSeen(fromUrl);
    if (fromUrl !== written) {
      setDraft(fromUrl);
      setWritten(fromUrl);
    }
  }
  function change(text: string) {
    setDraft(text);
    const value = apply(text);
    if (value !== undefined) setWritten(value);
  }
  return [draft, change];
}
