"use client";
// One virtual phone, drawn as a phone: its conversation with one of the org's simulator senders
// (as a real phone keeps one thread per number), refreshed live, and a keyboard to text back.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { BackLink, DetailPageState } from "@/components/app/detail-page-state";
import { ConsentBadge } from "@/components/contacts/consent-badge";
import { MessageBubble } from "@/components/phones/message-bubble";
import { ReplyBox } from "@/components/phones/reply-box";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import type { PhoneThread } from "@/lib/simulator/phone-thread";
import { useTRPC } from "@/lib/trpc/react";

/** How often the screen asks for new texts: about as soon as the simulator delivers them. */
const THREAD_REFRESH_MS = 1_500;
const back = { href: "/phones", label: "Phones" };

export function PhoneScreen({ phone }: { phone: string }) {
  const trpc = useTRPC();
  const thread = useQuery(trpc.phones.thread.queryOptions({ phone }, { refetchInterval: THREAD_REFRESH_MS }));
  if (!thread.data) return <DetailPageState query={thread} noun="phone" back={back} />;
  return <Phone thread={thread.data} />;
}

/** The conversation shown first: the sender that texted last, else one the phone can answer. */
function initialSender(thread: PhoneThread): string | undefined {
  const last = thread.messages.at(-1)?.senderId;
  if (last && thread.senders.some((s) => s.id === last)) return last;
  return (thread.senders.find((s) => s.kind !== "ALPHANUMERIC") ?? thread.senders[0])?.id;
}

function Phone({ thread }: { thread: PhoneThread }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const senderId = chosen ?? initialSender(thread);
  const sender = thread.senders.find((s) => s.id === senderId);
  const messages = thread.messages.filter((m) => m.senderId === senderId);
  const logRef = useRef<HTMLOListElement>(null);
  const name = [thread.contact?.firstName, thread.contact?.lastName].filter(Boolean).join(" ");

  // New texts arrive at the bottom: keep them in view, as a phone does.
  useEffect(() => {
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight });
  }, [messages.length, senderId]);

  return (
    <div>
      <BackLink {...back} />
      {/* On a phone the screen is the phone: no bezel, as tall as the window leaves room for. */}
      <div className="flex flex-wrap items-start gap-4 sm:gap-8">
        <div className="w-full rounded-xl border border-zinc-200 shadow-sm sm:w-[360px] sm:rounded-[2.5rem] sm:border-[10px] sm:border-zinc-900 sm:bg-zinc-900 sm:shadow-xl dark:border-zinc-800 sm:dark:border-zinc-700 sm:dark:bg-zinc-700">
          <section
            aria-label={`Phone ${thread.phone}`}
            className="flex h-[calc(100dvh-9rem)] min-h-[26rem] flex-col overflow-hidden rounded-xl bg-white sm:h-[640px] sm:rounded-[1.9rem] dark:bg-zinc-950"
          >
            <header className="border-b border-zinc-200 px-4 pb-3 pt-4 text-center dark:border-zinc-800">
              <p className="text-xs text-zinc-500">Conversation with</p>
              {thread.senders.length > 1 ? (
                <Select aria-label="Conversation with" value={senderId} onChange={(e) => setChosen(e.target.value)} className="mt-1 text-center font-medium">
                  {thread.senders.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label ? `${s.address} (${s.label})` : s.address}
                    </option>
                  ))}
                </Select>
              ) : (
                <p className="font-medium">{sender?.address ?? "No simulator sender"}</p>
              )}
            </header>
            <ol ref={logRef} role="log" aria-label="Messages" className="flex-1 space-y-3 overflow-y-auto px-3 py-4">
              {messages.length === 0 && <li className="pt-24 text-center text-sm text-zinc-500">No messages yet. Say hello.</li>}
              {messages.map((message) => (
                <MessageBubble key={message.id} message={message} />
              ))}
            </ol>
            {sender && (
              <ReplyBox
                phone={thread.phone}
                senderId={sender.id}
                disabledReason={sender.kind === "ALPHANUMERIC" ? "Phones cannot reply to an alphanumeric sender ID." : null}
              />
            )}
          </section>
        </div>
        <Card className="w-full space-y-3 p-5 text-sm sm:w-72">
          <h1 className="font-mono text-lg font-semibold">{thread.phone}</h1>
          {thread.contact ? (
            <div className="space-y-2">
              <p>
                Contact:{" "}
                <Link href={`/contacts/${thread.contact.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
                  {name || "unnamed"}
                </Link>
              </p>
              <ConsentBadge status={thread.contact.consentStatus} />
            </div>
          ) : (
            <p className="text-zinc-500">Not a contact yet: it becomes one when it texts you.</p>
          )}
          <p className="text-zinc-500">
            This phone is part of the simulator. What you type here reaches your organisation as a real text would: STOP opts it out, START opts it back
            in, HELP gets your help reply.
          </p>
        </Card>
      </div>
    </div>
  );
}
