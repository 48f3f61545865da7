"use client";
// Attachments for the compose box (MMS): pick or drop files; each is checked at once by the server's
// own rules (type from its first bytes, size, 10 files and 5 MB per message), then uploaded with its
// progress shown. The owner holds only what is uploaded, in order (`value`); their ids go with the
// send. A refused file stays beside the others, with its reason, until dismissed.
import { Paperclip } from "lucide-react";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { PendingTile, UploadedTile } from "@/components/media/media-tile";
import { UploadCancelled, uploadFile } from "@/components/media/upload-file";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DomainError } from "@/lib/errors";
import { checkMediaFile, checkMessageMedia } from "@/lib/media/check-media-file";
import { ACCEPTED_TYPES, formatBytes, MAX_MESSAGE_MEDIA, MAX_MESSAGE_MEDIA_BYTES, MEDIA_TYPES } from "@/lib/media/media-types";
import { SNIFF_BYTES } from "@/lib/media/sniff-media-type";

/** What the upload route answers, and what the compose box holds per attached file. */
export interface MediaItem {
  id: string;
  /** A signed URL, valid for a day: for thumbnails, not to keep. */
  url: string;
  contentType: string;
  size: number;
  fileName: string | null;
}

interface Pending {
  key: number;
  name: string;
  progress: number;
  error: string | null;
}

// Extensions too: desktops often give .amr or .3gp files no type, which would hide them from the dialog.
const ACCEPT = [...ACCEPTED_TYPES, ...ACCEPTED_TYPES.map((type) => `.${MEDIA_TYPES[type].extension}`), ".jpeg"].join(",");

/** The reason a file cannot join the message, or null; `others` are the files already on it. */
async function refusal(file: File, others: { size: number }[]): Promise<string | null> {
  try {
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    checkMediaFile({ name: file.name, type: file.type, size: file.size, head });
    checkMessageMedia([...others, { size: file.size }]);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
}

export function MediaPicker({ value, onChange, disabled }: { value: MediaItem[]; onChange: (value: MediaItem[]) => void; disabled?: boolean }) {
  const [pending, setPending] = useState<Pending[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Uploads end after later renders: each adds to the latest value, not the one it started with.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  // Uploads in flight count against the message's limits, and are cancelled if the picker goes away.
  const inFlight = useRef(new Map<number, { size: number; cancel: () => void }>());
  useEffect(() => {
    const uploads = inFlight.current;
    return () => uploads.forEach((upload) => upload.cancel());
  }, []);
  const nextKey = useRef(0);

  const setLatest = (next: MediaItem[]) => {
    latest.current = next;
    onChange(next);
  };
  const patch = (key: number, change: Partial<Pending>) => setPending((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const forget = (key: number) => setPending((list) => list.filter((p) => p.key !== key));

  async function add(files: File[]) {
    for (const file of files) {
      const key = nextKey.current++;
      const others = [...latest.current, ...inFlight.current.values()];
      const error = await refusal(file, others);
      setPending((list) => [...list, { key, name: file.name, progress: 0, error }]);
      if (error) continue;
      const upload = uploadFile(file, (progress) => patch(key, { progress }));
      inFlight.current.set(key, { size: file.size, cancel: upload.cancel });
      upload.done.then(
        (item) => {
          forget(key);
          setLatest([...latest.current, item]);
        },
        (failure: Error) => (failure instanceof UploadCancelled ? forget(key) : patch(key, { error: failure.message })),
      ).finally(() => inFlight.current.delete(key));
    }
  }

  function remove(key: number) {
    inFlight.current.get(key)?.cancel();
    forget(key);
  }

  function dropped(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (!disabled) void add([...event.dataTransfer.files]);
  }

  const total = value.reduce((sum, item) => sum + item.size, 0);
  const full = value.length + pending.filter((p) => !p.error).length >= MAX_MESSAGE_MEDIA;
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={dropped}
      className={cn(
        "space-y-2 rounded-md border border-dashed border-zinc-300 p-2 dark:border-zinc-700",
        dragging && "border-brand-600 bg-brand-50 dark:bg-brand-700/20",
      )}
    >
      {(value.length > 0 || pending.length > 0) && (
        <ul className="flex flex-wrap gap-2" aria-label="Attached media">
          {value.map((item) => (
            <UploadedTile key={item.id} item={item} onRemove={() => setLatest(latest.current.filter((m) => m.id !== item.id))} />
          ))}
          {pending.map((p) => (
            <PendingTile key={p.key} name={p.name} progress={p.progress} error={p.error} onRemove={() => remove(p.key)} />
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="ghost" size="sm" disabled={disabled || full} onClick={() => input.current?.click()}>
          <Paperclip className="h-4 w-4" aria-hidden />
          Attach media
        </Button>
        <span className="text-xs text-zinc-500">
          {value.length > 0
            ? `${value.length} of ${MAX_MESSAGE_MEDIA} files, ${formatBytes(total)} of ${formatBytes(MAX_MESSAGE_MEDIA_BYTES)}`
            : `or drop images, video or audio here (up to ${formatBytes(MAX_MESSAGE_MEDIA_BYTES)} in all)`}
        </span>
      </div>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        className="hidden"
        data-testid="media-picker-input"
        onChange={(event) => {
          void add([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
    </div>
  );
}
