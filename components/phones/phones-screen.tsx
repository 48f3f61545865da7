"use client";
// The Phones page: the simulator's virtual phones, newest activity first, refreshed live.
import { useQuery } from "@tanstack/react-query";
import { Smartphone } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "@/components/app/format";
import { PageHeader } from "@/components/app/page-header";
import { useDebouncedValue } from "@/components/contacts/use-debounced-value";
import { NewPhoneButton } from "@/components/phones/new-phone-dialog";
import { phonePath } from "@/components/phones/phone-path";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { LoadError, Loading } from "@/components/ui/query-state";
import type { VirtualPhone } from "@/lib/simulator/list-virtual-phones";
import { useTRPC } from "@/lib/trpc/react";

const LIST_REFRESH_MS = 3_000;

export function PhonesScreen() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search.trim());
  const list = useQuery(
    trpc.phones.list.queryOptions({ search: debounced || undefined }, { refetchInterval: LIST_REFRESH_MS, placeholderData: (previous) => previous }),
  );
  const hasSenders = (list.data?.senders.length ?? 0) > 0;

  return (
    <div>
      <PageHeader
        title="Phones"
        description="The simulator's virtual phones: every number your simulator senders texted. Open one to see its messages as the phone does and text back, STOP and HELP included."
        actions={hasSenders && <NewPhoneButton />}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} />
      ) : !hasSenders ? (
        <EmptyState
          title="No simulator sender"
          description="Virtual phones talk to senders on a simulator connection. Add one in settings (admins)."
          action={
            <Link href="/settings/senders" className={buttonClass({ variant: "secondary" })}>
              Sender settings
            </Link>
          }
        />
      ) : (
        <>
          <div className="mb-4 max-w-xs">
            <Input type="search" aria-label="Search phones" placeholder="Search by number" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          {list.data.phones.length === 0 ? (
            <EmptyState
              title={debounced ? "No phone matches" : "No phones yet"}
              description={debounced ? "No virtual phone's number contains those digits." : "Send a message to any number from a simulator sender, or add a phone and text your organisation from it."}
            />
          ) : (
            <ul aria-label="Virtual phones" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {list.data.phones.map((phone) => (
                <li key={phone.phone}>
                  <PhoneCard phone={phone} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function PhoneCard({ phone }: { phone: VirtualPhone }) {
  const name = [phone.contact?.firstName, phone.contact?.lastName].filter(Boolean).join(" ");
  const last = phone.lastMessage;
  return (
    <Link href={phonePath(phone.phone)} className="block rounded-lg focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
      <Card className="flex h-full gap-3 p-4 transition-colors hover:border-brand-500">
        <Smartphone className="mt-0.5 h-5 w-5 shrink-0 text-brand-600" aria-hidden />
        <div className="min-w-0 flex-1">
          <p className="font-mono text-sm font-medium">{phone.phone}</p>
          {name && <p className="text-xs text-zinc-500">{name}</p>}
          {last && (
            <>
              <p className="mt-2 truncate text-sm text-zinc-600 dark:text-zinc-400">
                {last.direction === "INBOUND" ? "You: " : ""}
                {last.body || (last.mediaIds.length > 0 ? "Picture message" : "")}
              </p>
              <p className="mt-1 text-xs text-zinc-500">{formatDateTime(last.createdAt)}</p>
            </>
          )}
        </div>
      </Card>
    </Link>
  );
}
