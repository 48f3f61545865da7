// One file to POST /api/media, by XMLHttpRequest because fetch reports no upload progress. Sent for
// the org the page shows (the same header the tRPC client sends), and cancellable.
import type { MediaItem } from "@/components/media/media-picker";
import { activeOrgHeaders } from "@/lib/trpc/react";

export class UploadCancelled extends Error {}

export function uploadFile(file: File, onProgress: (fraction: number) => void): { done: Promise<MediaItem>; cancel: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<MediaItem>((resolve, reject) => {
    xhr.open("POST", "/api/media");
    for (const [name, value] of Object.entries(activeOrgHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) return resolve(xhr.response as MediaItem);
      const message = (xhr.response as { error?: { message?: string } } | null)?.error?.message;
      reject(new Error(message ?? `"${file.name}" could not be uploaded (HTTP ${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error(`"${file.name}" could not be uploaded: the connection failed`));
    xhr.onabort = () => reject(new UploadCancelled());
    const form = new FormData();
    form.set("file", file);
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}
