// Fixtures for the workflow runtime's tests: a published workflow made directly (graph in, version
// out), as the publisher makes it: ACTIVE, its version's trigger copied to triggerKind/triggerKey.
// Nodes and edges are written compactly: `node("send", "send_message", {...})`, `edge("a", "b")`.
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import type { OrgContext } from "@/lib/org-context";
import { workflowGraph, workflowSettings, type TriggerConfig, type WorkflowGraph, type WorkflowSettings } from "@/lib/workflows/graph-model";

type RawNode = { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> };

export const node = (id: string, type: string, data: Record<string, unknown> = {}): RawNode => ({ id, type, position: { x: 0, y: 0 }, data });
export const edge = (source: string, target: string, sourceHandle = "next") => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target });
export const trigger = (config: TriggerConfig, id = "start") => node(id, "trigger", { trigger: config });

/** What the publisher copies out of the trigger node (WorkflowVersion.triggerKey). */
export function triggerKey(config: TriggerConfig): string | null {
  switch (config.kind) {
    case "keyword":
      return config.keywordRuleId;
    case "list_added":
      return config.listId;
    case "tag_added":
      return config.tag;
    case "segment_entered":
      return config.segmentId;
    case "subscription_changed":
      return config.to;
    case "date_anniversary":
      return config.field;
    case "link_clicked":
      return config.campaignId;
    case "api_event":
      return config.name;
    default:
      return null;
  }
}

export interface Published {
  workflowId: string;
  versionId: string;
  version: number;
  graph: WorkflowGraph;
}

/** A new workflow with `graph` published as version 1 (ACTIVE). */
export async function publishWorkflow(db: Db, ctx: OrgContext, name: string, raw: { nodes: RawNode[]; edges: ReturnType<typeof edge>[] }, settings: Partial<WorkflowSettings> = {}): Promise<Published> {
  const workflowId = newId("workflow");
  const parsedSettings = workflowSettings.parse(settings);
  await db.workflow.create({ data: { id: workflowId, orgId: ctx.orgId, name, status: "ACTIVE", draft: raw as object, settings: parsedSettings, draftChanged: false } });
  return publishVersion(db, ctx, workflowId, raw, settings);
}

/** The next version of `workflowId` with `graph`, made the published one. */
export async function publishVersion(db: Db, ctx: OrgContext, workflowId: string, raw: { nodes: RawNode[]; edges: ReturnType<typeof edge>[] }, settings: Partial<WorkflowSettings> = {}): Promise<Published> {
  const graph = workflowGraph.parse(raw);
  const start = graph.nodes.find((n) => n.type === "trigger");
  if (start?.type !== "trigger") throw new Error("the test graph has no trigger");
  const last = await db.workflowVersion.findFirst({ where: { workflowId }, orderBy: { version: "desc" }, select: { version: true } });
  const version = (last?.version ?? 0) + 1;
  const versionId = newId("workflowVersion");
  await db.workflowVersion.create({
    data: {
      id: versionId,
      orgId: ctx.orgId,
      workflowId,
      version,
      graph: graph as object,
      settings: workflowSettings.parse(settings),
      triggerKind: start.data.trigger.kind,
      triggerKey: triggerKey(start.data.trigger),
    },
  });
  await db.workflow.update({ where: { id: workflowId }, data: { publishedVersionId: versionId, status: "ACTIVE" } });
  return { workflowId, versionId, version, graph };
}

/** A zone where it is now between 01:00 and 05:00: quiet hours hold marketing there. */
export function zoneAsleepNow(now = new Date()): string {
  const zones = Intl.supportedValuesOf("timeZone");
  const hour = (zone: string) => Number(new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(now));
  const zone = zones.find((z) => z.includes("/") && !z.startsWith("Etc/") && hour(z) >= 1 && hour(z) < 5);
  if (!zone) throw new Error("No zone is between 01:00 and 05:00 now");
  return zone;
}
