"use client";
// The line under the compose box: characters left in the current segment, the segment count and
// the encoding, and which characters force UCS-2 (each one halves what a segment holds).
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { segmentMessage, type SegmentedMessage } from "@/lib/sms/segments";

/** Units the last segment has left: septets in GSM-7 (an extension character takes two), UTF-16 units in UCS-2. */
export function unitsLeftInSegment(segmented: SegmentedMessage): number {
  const last = segmented.segments.at(-1) ?? "";
  // A GSM-7 message's last part is GSM-7 on its own too, so its own count is in septets.
  const used = segmented.encoding === "GSM-7" ? segmentMessage(last).units : last.length;
  return segmented.unitsPerSegment - used;
}

const NAMED: Record<string, string> = { " ": "space", "\n": "new line", "\r": "return", "\t": "tab" };

/** How a character reads in a list: invisible ones by name or code point. */
export function visibleCharacter(char: string): string {
  if (NAMED[char]) return NAMED[char];
  if (/^[\s\p{Cc}\p{Cf}]$/u.test(char)) return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return char;
}

export function SegmentMeter({ segmented, isMms, overLimit }: { segmented: SegmentedMessage; isMms: boolean; overLimit: boolean }) {
  const left = unitsLeftInSegment(segmented);
  const ucs2 = segmented.encoding === "UCS-2";
  return (
    <div className="space-y-1.5 text-xs text-zinc-600 dark:text-zinc-400">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-live="polite">
        <span data-testid="compose-chars-left" className={cn(overLimit && "font-medium text-red-600 dark:text-red-400")}>
          {left} {left === 1 ? "character" : "characters"} left
          {segmented.segmentCount > 1 && ` in segment ${segmented.segmentCount}`}
        </span>
        <span data-testid="compose-segments">
          {isMms ? "1 MMS" : `${segmented.segmentCount} ${segmented.segmentCount === 1 ? "segment" : "segments"}`}
        </span>
        <Badge
          data-testid="compose-encoding"
          tone={ucs2 ? "red" : "green"}
          title={ucs2 ? "UCS-2: 70 characters per SMS, 67 per part" : "GSM-7: 160 characters per SMS, 153 per part"}
        >
          {segmented.encoding}
        </Badge>
      </p>
      {ucs2 && (
        <p data-testid="compose-ucs2-characters">
          Sent as UCS-2 because of{" "}
          {segmented.nonGsmCharacters.map((char) => (
            <mark key={char} className="mr-1 rounded bg-amber-200 px-1 font-mono text-zinc-900 dark:bg-amber-500/40 dark:text-amber-50">
              {visibleCharacter(char)}
            </mark>
          ))}
        </p>
      )}
    </div>
  );
}
