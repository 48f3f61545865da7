"use client";
// A run's steps in order: the step, when it entered and left, the output it took in words, and
// what happened there (the text sent with its status, the reply, a webhook's answer, a skip's reason).
import Link from "next/link";
import { formatDateTime } from "@/components/app/format";
import { Badge } from "@/components/ui/badge";
import { outputsOf } from "@/components/workflows/graph-edit";
import { nodeTitle, summarize } from "@/components/workflows/node-catalog";
import { sentenceCase } from "@/components/workflows/run-words";
import type { RunView } from "@/components/workflows/workflow-types";
import type { EditorOptions } from "@/lib/workflows/editor-options";
import type { WorkflowGraph, WorkflowNodeType } from "@/lib/workflows/graph-model";

type Step = RunView["steps"][number];
type Message = RunView["messages"][number];
type Detail = Record<string, unknown>;

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The output taken, as the canvas labels it ("Yes", "No reply", "Success"); "next" says nothing. */
function outcomeWords(step: Step, graph: WorkflowGraph): string | null {
  if (step.outcome === null) return null;
  const node = graph.nodes.find((n) => n.id === step.nodeId);
  const label = node ? outputsOf(node, graph.edges).find((o) => o.handle === step.outcome)?.label : undefined;
  if (step.outcome === "next" && (!label || label === "Next")) return null;
  return label ?? step.outcome;
}

export function RunTimeline({ run, graph, options }: { run: RunView; graph: WorkflowGraph; options: EditorOptions | undefined }) {
  const messages = new Map(run.messages.map((m) => [m.id, m]));
  return (
    <ol className="space-y-3" aria-label="Steps" data-testid="run-timeline">
      {run.steps.map((step, i) => {
        const node = graph.nodes.find((n) => n.id === step.nodeId);
        const detail = (step.detail ?? {}) as Detail;
        const outcome = outcomeWords(step, graph);
        return (
          <li key={step.id} data-node-id={step.nodeId} className="relative rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <p className="text-sm font-semibold">
                <span className="mr-1.5 text-zinc-400 tabular-nums">{i + 1}.</span>
                {nodeTitle(step.nodeType as WorkflowNodeType)}
                {outcome && (
                  <Badge className="ml-2" tone="blue" data-testid="step-outcome">
                    → {outcome}
                  </Badge>
                )}
                {step.leftAt === null && run.status === "ACTIVE" && (
                  <Badge className="ml-2" tone="green">
                    here now
                  </Badge>
                )}
              </p>
              <p className="text-xs text-zinc-500">
                {formatDateTime(step.enteredAt)}
                {step.leftAt && new Date(step.leftAt).getTime() - new Date(step.enteredAt).getTime() >= 1000 && <> → {formatDateTime(step.leftAt)}</>}
              </p>
            </div>
            {/* A text sent shows as its bubble below (as rendered for the contact): its template would say it twice. */}
            {node && !(node.type === "send_message" && str(detail.messageId)) && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{summarize(node, options)}</p>}
            <StepDetail detail={detail} messages={messages} />
          </li>
        );
      })}
    </ol>
  );
}

function StepDetail({ detail, messages }: { detail: Detail; messages: ReadonlyMap<string, Message> }) {
  const lines: React.ReactNode[] = [];
  const message = str(detail.messageId) ? messages.get(str(detail.messageId)!) : undefined;
  if (message) lines.push(<MessageLine key="m" message={message} />);
  else if (str(detail.reply) !== undefined) lines.push(<Quote key="r" label="Replied" body={str(detail.reply)!} />);
  if (str(detail.heldUntil)) lines.push(<Line key="h">Held for quiet hours until {formatDateTime(str(detail.heldUntil)!)}</Line>);
  if (str(detail.until)) lines.push(<Line key="u">Waits until {formatDateTime(str(detail.until)!)}</Line>);
  if (typeof detail.status === "number") {
    lines.push(
      <Line key="w">
        Webhook answered {detail.status}
        {typeof detail.latencyMs === "number" && ` in ${detail.latencyMs} ms`}
        {str(detail.error) && `: ${str(detail.error)}`}
      </Line>,
    );
  } else if (str(detail.error)) lines.push(<Line key="e" tone="red">{str(detail.error)}</Line>);
  if (str(detail.runId)) lines.push(<Line key="s">Started run {str(detail.runId)}</Line>);
  if (str(detail.skipped)) lines.push(<Line key="k" tone="amber">Skipped: {str(detail.skipped)}</Line>);
  if (str(detail.saveSkipped)) lines.push(<Line key="v" tone="amber">Not saved: {str(detail.saveSkipped)}</Line>);
  if (!lines.length) return null;
  return <div className="mt-2 space-y-1.5">{lines}</div>;
}

function MessageLine({ message }: { message: Message }) {
  const inbound = message.direction === "INBOUND";
  return (
    <div className="flex flex-wrap items-start gap-2 text-sm" data-testid={inbound ? "step-reply" : "step-sent"}>
      <span className={inbound ? "rounded-lg bg-zinc-100 px-2.5 py-1.5 dark:bg-zinc-800" : "rounded-lg bg-brand-600 px-2.5 py-1.5 text-white"}>{message.body}</span>
      <span className="flex items-center gap-2 text-xs text-zinc-500">
        {inbound ? "Their reply" : sentenceCase(message.status.toLowerCase())}
        {message.errorMessage && <span className="text-red-600 dark:text-red-400">{message.errorMessage}</span>}
        <Link href={`/messages/${message.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
          Open message
        </Link>
      </span>
    </div>
  );
}

function Quote({ label, body }: { label: string; body: string }) {
  return (
    <p className="text-sm">
      <span className="text-zinc-500">{label}: </span>“{body}”
    </p>
  );
}

function Line({ children, tone }: { children: React.ReactNode; tone?: "red" | "amber" }) {
  const color = tone === "red" ? "text-red-700 dark:text-red-400" : tone === "amber" ? "text-amber-800 dark:text-amber-300" : "text-zinc-600 dark:text-zinc-400";
  return <p className={`text-sm ${color}`}>{children}</p>;
}
