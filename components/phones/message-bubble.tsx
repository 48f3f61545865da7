// One text on a virtual phone's screen: the org's on the left as the phone received them, the
// phone's own on the right, each with its time, segment count and any pictures; links open in a new tab.
import { ImageIcon } from "lucide-react";
import { formatDateTime } from "@/components/app/format";
import { LinkedText } from "@/components/links/linked-text";
import { cn } from "@/components/ui/cn";
import type { PhoneMessage } from "@/lib/simulator/phone-thread";

export function MessageBubble({ message }: { message: PhoneMessage }) {
  const own = message.direction === "INBOUND";
  const delivered = own || message.status === "DELIVERED";
  const at = own ? (message.receivedAt ?? message.createdAt) : (message.deliveredAt ?? message.createdAt);
  return (
    <li className={cn("flex flex-col", own ? "items-end" : "items-start")} data-direction={own ? "from-phone" : "to-phone"}>
      <div
        className={cn(
          "max-w-[80%] space-y-2 rounded-2xl px-3 py-2 text-sm whitespace-pre-wrap break-words",
          own ? "rounded-br-md bg-brand-600 text-white" : "rounded-bl-md bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100",
          !delivered && "opacity-60",
        )}
      >
        {message.media.map((media) =>
          media.url && media.contentType?.startsWith("image/") ? (
            // eslint-disable-next-line @next/next/no-img-element -- short-lived signed URLs: nothing for the image optimizer to cache
            <img key={media.id} src={media.url} alt="Picture message" className="max-h-48 rounded-lg" />
          ) : (
            <span key={media.id} className="flex items-center gap-2 rounded-lg border border-current/20 px-2 py-3 text-xs">
              <ImageIcon className="h-4 w-4" aria-hidden /> {media.contentType ?? "Attachment"}
            </span>
          ),
        )}
        {message.body && (
          <p>
            <LinkedText text={message.body} />
          </p>
        )}
      </div>
      <p className="mt-1 px-1 text-[11px] text-zinc-500">
        {formatDateTime(at)} · {message.segments} {message.segments === 1 ? "segment" : "segments"}
        {!delivered && (
          <span className="text-red-600 dark:text-red-400">
            {" "}
            · Not delivered{message.errorCode ? ` (${message.errorCode})` : ""}
          </span>
        )}
      </p>
    </li>
  );
}
