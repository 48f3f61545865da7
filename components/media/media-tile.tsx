"use client";
// One attachment in the picker: an uploaded file (thumbnail for images), a file uploading (its
// progress), or a refused file (its reason, beside its name). Each has its own remove button.
import { FileAudio, FileImage, FileVideo, X } from "lucide-react";
import { useState } from "react";
import type { MediaItem } from "@/components/media/media-picker";
import { formatBytes } from "@/lib/media/media-types";

const TILE = "relative flex h-24 w-24 shrink-0 flex-col items-center justify-center gap-1 overflow-hidden rounded-md border text-center text-xs";

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      className="absolute right-1 top-1 rounded-full bg-zinc-900/70 p-0.5 text-white hover:bg-zinc-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <X className="h-3.5 w-3.5" aria-hidden />
    </button>
  );
}

export function UploadedTile({ item, onRemove }: { item: MediaItem; onRemove: () => void }) {
  // An image whose link has expired (a draft kept past a day) falls back to its name.
  const [broken, setBroken] = useState(false);
  const name = item.fileName ?? item.id;
  const isImage = item.contentType.startsWith("image/");
  const Icon = isImage ? FileImage : item.contentType.startsWith("video/") ? FileVideo : FileAudio;
  return (
    <li className={`${TILE} border-zinc-200 dark:border-zinc-800`} title={`${name} (${formatBytes(item.size)})`}>
      {isImage && !broken ? (
        // eslint-disable-next-line @next/next/no-img-element -- a short-lived signed URL: nothing for the image optimizer to cache
        <img src={item.url} alt={name} onError={() => setBroken(true)} className="h-full w-full object-cover" />
      ) : (
        <>
          <Icon className="h-6 w-6 text-zinc-500" aria-hidden />
          <span className="line-clamp-2 break-all px-1">{name}</span>
        </>
      )}
      <RemoveButton label={`Remove ${name}`} onClick={onRemove} />
    </li>
  );
}

export function PendingTile({ name, progress, error, onRemove }: { name: string; progress: number; error: string | null; onRemove: () => void }) {
  if (error) {
    return (
      <li className={`${TILE} w-48 items-start justify-start border-red-300 bg-red-50 p-2 text-left dark:border-red-900 dark:bg-red-950/40`}>
        <span role="alert" className="line-clamp-5 break-words pr-4 font-medium text-red-700 dark:text-red-300">
          {error}
        </span>
        <RemoveButton label={`Dismiss the error for ${name}`} onClick={onRemove} />
      </li>
    );
  }
  const percent = Math.round(progress * 100);
  return (
    <li className={`${TILE} border-dashed border-zinc-300 px-2 dark:border-zinc-700`}>
      <span className="line-clamp-2 break-all">{name}</span>
      <span
        role="progressbar"
        aria-label={`Uploading ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <span className="block h-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
      </span>
      <RemoveButton label={`Cancel uploading ${name}`} onClick={onRemove} />
    </li>
  );
}
