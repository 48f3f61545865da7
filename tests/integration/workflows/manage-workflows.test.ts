// Workflows as a marketer keeps them: an empty draft, autosaves that refuse a stale tab, publishing
// that refuses an invalid draft naming the step and otherwise makes the next immutable version with
// its trigger copied out, later edits marked unpublished, pause/resume (resume announced after
// commit), duplicate, rename, delete (refused while runs are active), each audited.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { inngest } from "@/lib/events/client";
import { newId } from "@/lib/ids";
import { createKeywordRule } from "@/lib/keywords/manage-rules";
import { createContact } from "@/lib/contacts/create-contact";
import type { OrgContext } from "@/lib/org-context";
import { pauseWorkflow, resumeWorkflow } from "@/lib/workflows/control-workflow";
import type { WorkflowDraftGraph } from "@/lib/workflows/graph-model";
import { workflowSettings } from "@/lib/workflows/graph-model";
import { listWorkflows } from "@/lib/workflows/list-workflows";
import { createWorkflow, deleteWorkflow, duplicateWorkflow, getWorkflow, renameWorkflow } from "@/lib/workflows/manage-workflows";
import { publishWorkflow } from "@/lib/workflows/publish-workflow";
import { saveDraft } from "@/lib/workflows/save-draft";
import { setupTestDatabase } from "../helpers/db";
import { createOrgWithOwner, orgContextFor } from "../helpers/factories";

const { db } = await setupTestDatabase();

let ctx: OrgContext;
let ruleId: string;
const settings = workflowSettings.parse({});

beforeAll(async () => {
  const { org, owner } = await createOrgWithOwner(db, { name: "Flow Co" });
  ctx = await orgContextFor(db, owner, org.id);
  ruleId = (await createKeywordRule(ctx, { name: "Join", keywords: ["JOIN"], matchOn: "whole", reply: "Hi" })).id;
});
afterEach(() => vi.restoreAllMocks());

const at = { x: 0, y: 0 };
const joinFlow = (welcome = "Welcome! Reply YES or NO"): WorkflowDraftGraph => ({
  nodes: [
    { id: "t", type: "trigger", position: at, data: { trigger: { kind: "keyword", keywordRuleId: ruleId } } },
    { id: "hi", type: "send_message", position: at, data: { body: welcome, mediaIds: [], senderId: null } },
    {
      id: "ask",
      type: "wait_for_reply",
      position: at,
      data: { timeout: { amount: 1, unit: "days" }, branches: [{ id: "yes", label: "Yes", test: { kind: "yes" } }], saveTo: null },
    },
    { id: "y", type: "send_message", position: at, data: { body: "Great", mediaIds: [], senderId: null } },
    { id: "end", type: "exit", position: at, data: {} },
  ],
  edges: [
    { id: "e1", source: "t", sourceHandle: "next", target: "hi" },
    { id: "e2", source: "hi", sourceHandle: "next", target: "ask" },
    { id: "e3", source: "ask", sourceHandle: "yes", target: "y" },
    { id: "e4", source: "ask", sourceHandle: "other", target: "end" },
    { id: "e5", source: "ask", sourceHandle: "timeout", target: "end" },
  ],
});
const auditOf = (id: string) => db.auditLog.findMany({ where: { targetId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true } }).then((r) => r.map((a) => a.action));

describe("workflow drafts and versions", () => {
  it("creates an empty draft, autosaves by revision and refuses a stale tab", async () => {
    const wf = await createWorkflow(ctx, { name: "Welcome" });
    expect(wf).toMatchObject({ status: "DRAFT", draft: { nodes: [], edges: [] }, draftRevision: 0, publishedVersionId: null });
    expect(wf.id).toMatch(/^wf_/);

    const first = await saveDraft(ctx, { id: wf.id, revision: 0, graph: joinFlow(), settings });
    expect(first.revision).toBe(1);
    // The other tab still holds revision 0: its save is refused, and the first tab's work is kept.
    await expect(saveDraft(ctx, { id: wf.id, revision: 0, graph: { nodes: [], edges: [] }, settings })).rejects.toThrow(/changed in another tab/);
    expect((await getWorkflow(ctx, { id: wf.id })).draft.nodes).toHaveLength(5);
    // The same content again writes nothing (no revision, no audit row).
    expect((await saveDraft(ctx, { id: wf.id, revision: 1, graph: joinFlow(), settings })).revision).toBe(1);
    // A half-typed node (a keyword not chosen yet) is saved as typed.
    const half = joinFlow();
    half.nodes[0]!.data = { trigger: { kind: "keyword", keywordRuleId: "" } };
    expect((await saveDraft(ctx, { id: wf.id, revision: 1, graph: half, settings })).revision).toBe(2);
    // One audit row for the editing session, not one per save; another person's edit is theirs.
    expect(await auditOf(wf.id)).toEqual(["workflow.created", "workflow.draft_saved"]);
    const other = { ...ctx, actor: { ...ctx.actor, id: "usr_other", label: "Other Editor" } };
    expect((await saveDraft(other, { id: wf.id, revision: 2, graph: joinFlow(), settings })).revision).toBe(3);
    expect(await auditOf(wf.id)).toEqual(["workflow.created", "workflow.draft_saved", "workflow.draft_saved"]);
  });

  it("refuses to publish an invalid draft naming the step, then publishes versions with the trigger copied out", async () => {
    const wf = await createWorkflow(ctx, { name: "Join flow" });
    const dangling = joinFlow();
    dangling.edges = dangling.edges.filter((e) => e.sourceHandle !== "timeout");
    await saveDraft(ctx, { id: wf.id, revision: 0, graph: dangling, settings });
    await expect(publishWorkflow(ctx, { id: wf.id })).rejects.toThrow('Cannot publish: Wait for reply: Connect the "No reply" branch: what happens when they do not answer');
    expect(await db.workflowVersion.count({ where: { workflowId: wf.id } })).toBe(0);

    await saveDraft(ctx, { id: wf.id, revision: 1, graph: joinFlow(), settings });
    const v1 = await publishWorkflow(ctx, { id: wf.id });
    expect(v1).toMatchObject({ status: "ACTIVE", draftChanged: false, publishedVersion: 1 });
    const version1 = await db.workflowVersion.findUniqueOrThrow({ where: { id: v1.publishedVersionId! } });
    expect(version1).toMatchObject({ version: 1, triggerKind: "keyword", triggerKey: ruleId, publishedById: ctx.actor.id });

    // A published workflow's edits go to the draft; the version stays as published.
    await saveDraft(ctx, { id: wf.id, revision: 2, graph: joinFlow("Welcome back!"), settings });
    let got = await getWorkflow(ctx, { id: wf.id });
    expect(got).toMatchObject({ draftChanged: true, publishedVersion: 1, status: "ACTIVE" });
    // Edited back to what was published: no unpublished changes.
    await saveDraft(ctx, { id: wf.id, revision: 3, graph: joinFlow(), settings });
    expect((await getWorkflow(ctx, { id: wf.id })).draftChanged).toBe(false);
    await saveDraft(ctx, { id: wf.id, revision: 4, graph: joinFlow("Welcome back!"), settings });
    const v2 = await publishWorkflow(ctx, { id: wf.id });
    expect(v2.publishedVersion).toBe(2);
    got = await getWorkflow(ctx, { id: wf.id });
    expect(got.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(got.draftChanged).toBe(false);
    const graph1 = (await db.workflowVersion.findUniqueOrThrow({ where: { id: version1.id } })).graph as WorkflowDraftGraph;
    expect(graph1.nodes[1]!.data).toMatchObject({ body: "Welcome! Reply YES or NO" });

    const listed = (await listWorkflows(ctx, {})).find((w) => w.id === wf.id);
    expect(listed).toMatchObject({ status: "ACTIVE", version: 2, draftChanged: false, trigger: "Keyword: JOIN" });
    expect(await auditOf(wf.id)).toEqual(expect.arrayContaining(["workflow.published"]));
  });

  it("pauses and resumes a published workflow, announcing the resume after commit", async () => {
    const wf = await createWorkflow(ctx, { name: "Pausable" });
    await expect(pauseWorkflow(ctx, { id: wf.id })).rejects.toThrow("This workflow cannot be paused: it has not been published");
    await saveDraft(ctx, { id: wf.id, revision: 0, graph: joinFlow(), settings });
    await publishWorkflow(ctx, { id: wf.id });
    expect((await pauseWorkflow(ctx, { id: wf.id })).status).toBe("PAUSED");
    // Publishing a paused workflow is not resuming it.
    await saveDraft(ctx, { id: wf.id, revision: 1, graph: joinFlow("v2"), settings });
    expect((await publishWorkflow(ctx, { id: wf.id })).status).toBe("PAUSED");
    const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: [] } as never);
    expect((await resumeWorkflow(ctx, { id: wf.id })).status).toBe("ACTIVE");
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ name: "workflows/workflow.resumed", data: { orgId: ctx.orgId, workflowId: wf.id } }));
    await expect(resumeWorkflow(ctx, { id: wf.id })).rejects.toThrow("This workflow cannot be resumed: it is active");
    expect(await auditOf(wf.id)).toEqual(expect.arrayContaining(["workflow.paused", "workflow.resumed"]));
  });

  it("renames (refusing a taken name), duplicates the draft, and deletes only without active runs", async () => {
    const wf = await createWorkflow(ctx, { name: "Birthday" });
    await expect(createWorkflow(ctx, { name: "Birthday" })).rejects.toThrow('A workflow named "Birthday" already exists');
    await expect(renameWorkflow(ctx, { id: wf.id, name: "Welcome" })).rejects.toThrow('A workflow named "Welcome" already exists');
    expect((await renameWorkflow(ctx, { id: wf.id, name: "Birthdays" })).name).toBe("Birthdays");
    await saveDraft(ctx, { id: wf.id, revision: 0, graph: joinFlow(), settings });
    const copy = await duplicateWorkflow(ctx, { id: wf.id });
    expect(copy).toMatchObject({ name: "Copy of Birthdays", status: "DRAFT", draftRevision: 0 });
    expect(copy.draft.nodes).toHaveLength(5);
    expect((await duplicateWorkflow(ctx, { id: wf.id })).name).toBe("Copy of Birthdays (2)");

    const published = await publishWorkflow(ctx, { id: wf.id });
    const contact = await createContact(ctx, { phone: "+1 415 555 0142" });
    const runId = newId("workflowRun");
    await db.workflowRun.create({ data: { id: runId, orgId: ctx.orgId, workflowId: wf.id, versionId: published.publishedVersionId!, contactId: contact.id, trigger: {} } });
    await expect(deleteWorkflow(ctx, { id: wf.id })).rejects.toThrow("This workflow has 1 active run: pause it");
    await db.workflowRun.update({ where: { id: runId }, data: { status: "COMPLETED", endedAt: new Date() } });
    await deleteWorkflow(ctx, { id: wf.id });
    expect(await db.workflow.findUnique({ where: { id: wf.id } })).toBeNull();
    expect(await db.workflowVersion.count({ where: { workflowId: wf.id } })).toBe(0);
    expect(await auditOf(wf.id)).toEqual(["workflow.created", "workflow.renamed", "workflow.draft_saved", "workflow.published", "workflow.deleted"]);
  });
});
