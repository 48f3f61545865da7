"use client";
// The text as it was sent or received (after smart encoding), and its media files.
import { FileIcon } from "lucide-react";
import type { MessageDetail } from "@/components/messaging/message-types";
import { Card } from "@/components/ui/card";

export function MessageBodyCard({ message }: { message: MessageDetail }) {
  return (
    <Card className="p-5">
      <h2 className="mb-3 text-base font-semibold">Message</h2>
      {message.body ? (
        <p className="whitespace-pre-wrap break-words text-sm" data-testid="message-body">
          {message.body}
        </p>
      ) : (
        <p className="text-sm italic text-zinc-500">No text</p>
      )}
      {message.media.length > 0 && (
        <ul className="mt-4 flex flex-wrap gap-3" aria-label="Media">
          {message.media.map((media) => (
            <li key={media.id}>
              {media.url && media.contentType?.startsWith("image/") ? (
                <a href={media.url} target="_blank" rel="noreferrer" title={media.fileName ?? undefined}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- short-lived signed URLs: nothing for the image optimizer to cache */}
                  <img src={media.url} alt={media.fileName ?? "Attached image"} className="h-28 w-28 rounded-md border border-zinc-200 object-cover dark:border-zinc-800" />
                </a>
              ) : (
                <span className="flex h-28 w-28 flex-col items-center justify-center gap-1 rounded-md border border-dashed border-zinc-300 p-2 text-center text-xs text-zinc-500 dark:border-zinc-700">
                  <FileIcon className="h-5 w-5" aria-hidden />
                  {media.url ? (
                    <a href={media.url} target="_blank" rel="noreferrer" className="break-all text-brand-600 hover:underline">
                      {media.fileName ?? media.contentType}
                    </a>
                  ) : (
                    "File deleted"
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
