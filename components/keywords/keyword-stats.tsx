"use client";
// The keyword rules' figures over the last 30 days: texts matched per day and keyword (Recharts, as
// the dashboard draws), and per rule the matches, contacts, replies and the contacts it brought in.
import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useState } from "react";
import { formatNumber } from "@/components/app/format";
import { RuleContactsDialog } from "@/components/keywords/rule-contacts-dialog";
import { Section, SectionCard } from "@/components/settings/section";
import { Button } from "@/components/ui/button";
import { LoadError, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { useTRPC } from "@/lib/trpc/react";

const DAYS = 30;
const COLORS = ["#2f7df6", "#10b981", "#f59e0b", "#a855f7", "#ef4444", "#14b8a6", "#ec4899", "#64748b"];
const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export function KeywordStats() {
  const trpc = useTRPC();
  const stats = useQuery(trpc.keywords.stats.queryOptions({ days: DAYS }));
  const rules = useQuery(trpc.keywords.rules.queryOptions());
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Section title="Matches" description={`Texts that triggered a rule in the last ${DAYS} days, per keyword (UTC days), and the contacts each rule brought in.`}>
      <SectionCard>
        {stats.isPending || rules.isPending ? (
          <Loading />
        ) : stats.isError ? (
          <LoadError error={stats.error} />
        ) : stats.data.keywords.length === 0 ? (
          <p className="text-sm text-zinc-500">No text has triggered a rule in the last {DAYS} days.</p>
        ) : (
          <>
            <figure>
              <div className="h-56 text-zinc-500" role="img" aria-label={`Texts matched per day and keyword over the last ${DAYS} days`}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={stats.data.series.map((d) => ({ day: d.day, ...d.counts }))} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
                    <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} vertical={false} />
                    <XAxis dataKey="day" tickFormatter={dayLabel} stroke="currentColor" fontSize={11} minTickGap={24} />
                    <YAxis stroke="currentColor" fontSize={11} allowDecimals={false} tickFormatter={(v: number) => formatNumber(v)} />
                    <Tooltip
                      cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
                      labelFormatter={(day) => `${dayLabel(String(day))} (UTC)`}
                      contentStyle={{ background: "var(--tooltip-bg, white)", borderRadius: 6, fontSize: 12 }}
                      wrapperClassName="[--tooltip-bg:white] dark:[--tooltip-bg:#18181b]"
                    />
                    {stats.data.keywords.map((k, i) => (
                      <Bar key={k} dataKey={k} stackId="matches" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-zinc-600 dark:text-zinc-400">
                {stats.data.keywords.map((k, i) => (
                  <span key={k} className="inline-flex items-center gap-1.5 font-mono">
                    <span className="h-2.5 w-2.5 rounded-sm" style={{ background: COLORS[i % COLORS.length] }} aria-hidden />
                    {k}
                  </span>
                ))}
              </figcaption>
            </figure>
            <div className="mt-5">
              <Table>
                <thead>
                  <tr>
                    <Th>Rule</Th>
                    <Th className="text-right">Texts</Th>
                    <Th className="hidden text-right sm:table-cell">Contacts</Th>
                    <Th className="hidden text-right sm:table-cell">Replies</Th>
                    <Th className="text-right">Brought in</Th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.rules.map((r) => {
                    const name = rules.data?.find((rule) => rule.id === r.ruleId)?.name ?? "A deleted rule";
                    return (
                      <tr key={r.ruleId}>
                        <Td className="font-medium">{name}</Td>
                        <Td className="text-right tabular-nums">{formatNumber(r.matches)}</Td>
                        <Td className="hidden text-right tabular-nums sm:table-cell">{formatNumber(r.contacts)}</Td>
                        <Td className="hidden text-right tabular-nums sm:table-cell">{formatNumber(r.replied)}</Td>
                        <Td className="text-right tabular-nums">
                          {r.newContacts > 0 ? (
                            <Button variant="ghost" size="sm" className="ml-auto" onClick={() => setOpen(r.ruleId)} aria-label={`${formatNumber(r.newContacts)} contacts brought in by ${name}`}>
                              {formatNumber(r.newContacts)}
                            </Button>
                          ) : (
                            0
                          )}
                        </Td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            </div>
          </>
        )}
      </SectionCard>
      <RuleContactsDialog ruleId={open} onClose={() => setOpen(null)} />
    </Section>
  );
}
