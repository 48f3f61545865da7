// The two organisations the tenant-isolation test works with: org A with a row of every kind
// (contacts, lists, fields, members, invitations, carriers, messages, keys, webhooks), and org B,
// whose owner tries to reach them. `secrets` are the ids and strings only org A's rows hold.
import { rebuildOrgRollup } from "@/lib/analytics/rebuild-org-rollup";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createConnection } from "@/lib/delivery/manage-connections";
import { createContact } from "@/lib/contacts/create-contact";
import { createCustomField } from "@/lib/custom-fields/manage-custom-fields";
import { newId } from "@/lib/ids";
import { addToList } from "@/lib/lists/list-membership";
import { createList } from "@/lib/lists/manage-lists";
import { createKeywordRule } from "@/lib/keywords/manage-rules";
import { createInvitation } from "@/lib/members/invitations";
import { createCampaign } from "@/lib/campaigns/manage-campaigns";
import { createSegment } from "@/lib/segments/manage-segments";
import { createSender } from "@/lib/senders/manage-senders";
import { createEndpoint } from "@/lib/webhooks/manage-endpoints";
import { addNote } from "@/lib/inbox/add-note";
import { createSavedReply } from "@/lib/inbox/saved-replies";
import { startConversation } from "@/lib/inbox/start-conversation";
import { addMember, createOrgWithOwner, createUser, orgContextFor, type TestUser } from "./factories";
import type { Db } from "@/lib/db/client";

export interface Fixture {
  orgA: string;
  orgB: string;
  contactA: string;
  contactAPhone: string;
  listA: string;
  fieldA: string;
  fieldAKey: string;
  listAName: string;
  ownerMembershipA: string;
  memberMembershipA: string;
  invitationA: string;
  memberAEmail: string;
  auditA: string;
  listB: string;
  contactB: string;
  connectionA: string;
  senderA: string;
  senderAAddress: string;
  connectionB: string;
  senderB: string;
  messageA: string;
  scheduledA: string;
  apiKeyA: string;
  endpointA: string;
  deliveryA: string;
  segmentA: string;
  segmentAName: string;
  importA: string;
  campaignA: string;
  keywordRuleA: string;
  conversationA: string;
  conversationB: string;
  savedReplyA: string;
  userA: string;
  workflowA: string;
  workflowVersionA: string;
  workflowRunA: string;
  mediaA: string;
}

/** Every row of org A, in a stable order, to compare before and after. */
export async function snapshotOrg(db: Db, orgId: string) {
  const where = { orgId: orgId };
  const byId = { orderBy: { id: "asc" as const } };
  return {
    org: await db.organization.findUniqueOrThrow({ where: { id: orgId } }),
    memberships: await db.membership.findMany({ where, ...byId }),
    invitations: await db.invitation.findMany({ where, ...byId }),
    contacts: await db.contact.findMany({ where, ...byId }),
    lists: await db.contactList.findMany({ where, ...byId }),
    listMemberships: await db.listMembership.findMany({ where, orderBy: [{ listId: "asc" }, { contactId: "asc" }] }),
    customFields: await db.customFieldDefinition.findMany({ where, ...byId }),
    audit: await db.auditLog.findMany({ where, ...byId }),
    connections: await db.carrierConnection.findMany({ where, ...byId }),
    senders: await db.senderNumber.findMany({ where, ...byId }),
    messages: await db.message.findMany({ where, ...byId }),
    apiKeys: await db.apiKey.findMany({ where, ...byId }),
    webhookEndpoints: await db.webhookEndpoint.findMany({ where, ...byId }),
    webhookDeliveries: await db.webhookDelivery.findMany({ where, ...byId }),
    segments: await db.segment.findMany({ where, ...byId }),
    contactImports: await db.contactImport.findMany({ where, ...byId }),
    contactImportRows: await db.contactImportRow.findMany({ where, orderBy: [{ importId: "asc" }, { line: "asc" }] }),
    campaigns: await db.campaign.findMany({ where, ...byId }),
    keywordRules: await db.keywordRule.findMany({ where, ...byId }),
    keywordMatches: await db.keywordMatch.findMany({ where, ...byId }),
    consentEvents: await db.consentEvent.findMany({ where, ...byId }),
    campaignRecipients: await db.campaignRecipient.findMany({ where, orderBy: [{ campaignId: "asc" }, { contactId: "asc" }] }),
    conversations: await db.conversation.findMany({ where, ...byId }),
    conversationNotes: await db.conversationNote.findMany({ where, ...byId }),
    savedReplies: await db.savedReply.findMany({ where, ...byId }),
    inboxAssignees: await db.inboxAssignee.findMany({ where, orderBy: { userId: "asc" } }),
    workflows: await db.workflow.findMany({ where, ...byId }),
    workflowVersions: await db.workflowVersion.findMany({ where, ...byId }),
    workflowRuns: await db.workflowRun.findMany({ where, ...byId }),
    workflowRunSteps: await db.workflowRunStep.findMany({ where, ...byId }),
  };
}

/** Seeds both orgs; user B owns org B and is nothing in org A. */
export async function seedTwoOrgs(db: Db): Promise<{ f: Fixture; userB: TestUser; secrets: string[] }> {
  const ownerA = await createUser(db);
  const { org: orgA } = await createOrgWithOwner(db, { owner: ownerA, name: "Org A secret name" });
  const ctxA = await orgContextFor(db, ownerA, orgA.id);
  const contactA = await createContact(ctxA, { phone: "+1 212 736 2000", firstName: "SecretAlice", tags: ["a-only"] });
  const listA = await createList(ctxA, { name: "List of A" });
  await addToList(ctxA, { listId: listA.id, contactIds: [contactA.id] });
  const fieldA = await createCustomField(ctxA, { key: "secret_a", label: "Secret A", type: "TEXT" });
  const memberA = await addMember(db, orgA.id, "MEMBER");
  const invitationA = await createInvitation(ctxA, { email: "invitee-of-a@example.test", role: "ADMIN" });
  const connectionA = await createConnection(ctxA, { name: "Simulator of A", kind: "SIMULATOR" });
  await createConnection(ctxA, { name: "Twilio of A", kind: "TWILIO", config: { accountSid: `AC${"a".repeat(32)}`, authToken: "authtoken-of-a" } });
  const senderA = await createSender(ctxA, { kind: "LONG_CODE", address: "+1 212 736 2001", connectionId: connectionA.id });
  // A virtual phone of A's: A's simulator sender texted A's contact.
  const messageA = await db.message.create({
    data: {
      id: newId("message"),
      orgId: orgA.id,
      direction: "OUTBOUND",
      status: "DELIVERED",
      senderId: senderA.id,
      contactId: contactA.id,
      from: senderA.address,
      to: contactA.phone,
      body: "SecretAlice, your order",
      encoding: "GSM-7",
      segments: 1,
    },
  });

  const scheduledA = await db.message.create({
    data: {
      id: newId("message"),
      orgId: orgA.id,
      direction: "OUTBOUND",
      status: "SCHEDULED",
      senderId: senderA.id,
      from: senderA.address,
      to: contactA.phone,
      body: "SecretAlice, tomorrow",
      encoding: "GSM-7",
      segments: 1,
      sendAt: new Date(Date.now() + 86_400_000),
    },
  });
  // A's dashboard figures, for the analytics procedures to keep from B.
  await rebuildOrgRollup(ctxA);

  const segmentA = await createSegment(ctxA, {
    name: "Segment of A",
    definition: { root: { type: "group", match: "all", rules: [{ type: "condition", field: "lists", operator: "in", value: [listA.id] }] } },
  });

  const apiKeyA = await createApiKey(ctxA, { name: "Key of A", scopes: ["messages:send"] });
  const endpointA = await createEndpoint(ctxA, { url: "https://93.184.216.34/hooks-of-a", eventTypes: ["message.delivered"] });
  const deliveryA = await db.webhookDelivery.create({
    data: { id: newId("webhookDelivery"), orgId: orgA.id, endpointId: endpointA.id, eventType: "message.delivered", eventId: newId("event"), payload: { data: { id: messageA.id } }, orderingKey: messageA.id },
  });

  // A CSV import of A's, checked and waiting for its options (rows as the dry run stages them).
  const importA = await db.contactImport.create({
    data: {
      id: newId("contactImport"),
      orgId: orgA.id,
      fileName: "secret-a.csv",
      fileSize: 40,
      storageKey: `${orgA.id}/secret-a.csv`,
      delimiter: ",",
      headers: ["phone", "first"],
      mapping: { columns: [{ target: "phone" }, { target: "firstName" }] },
      status: "READY",
      rowsTotal: 1,
      preview: { rows: 1, new: 1, existing: 0, existingOptedOut: 0, unsubscribed: 0, duplicates: 0, invalid: 0, invalidByReason: {} },
      rows: { create: { line: 2, orgId: orgA.id, contactId: newId("contact"), phone: "+12127362009", firstName: "SecretAlice" } },
    },
  });

  // A draft campaign of A's to its list, from its sender.
  const campaignA = await createCampaign(ctxA, {
    name: "Campaign of A",
    body: "SecretAlice sale",
    audience: { include: { listIds: [listA.id], segmentIds: [segmentA.id] } },
    senderIds: [senderA.id],
  });

  // A keyword rule of A's that brought contact A in, and contact A's opt-out by wording.
  const keywordRuleA = await createKeywordRule(ctxA, { name: "Rule of A", keywords: ["SECRETJOIN"], matchOn: "whole", senderIds: [senderA.id], addListIds: [listA.id], reply: "SecretAlice welcome" });
  const matched = { orgId: orgA.id, contactId: contactA.id, messageId: messageA.id, occurredAt: new Date() };
  await db.keywordMatch.create({ data: { id: newId("keywordMatch"), ruleId: keywordRuleA.id, keyword: "SECRETJOIN", newContact: true, replied: true, ...matched } });
  await db.consentEvent.create({ data: { id: newId("consent"), action: "OPT_OUT", source: "phrase", detail: 'said "remove me"', ...matched } });
  // A's conversation with its contact, with a note, and a saved reply of A's.
  const conversationA = await startConversation(ctxA, { contactId: contactA.id });
  await addNote(ctxA, { id: conversationA.id, body: "SecretAlice note" });
  const savedReplyA = await createSavedReply(ctxA, { name: "Reply of A", body: "SecretAlice, thanks" });

  // A published workflow of A's with a run of contact A's that passed its trigger.
  const workflowA = newId("workflow");
  const workflowVersionA = newId("workflowVersion");
  const workflowRunA = newId("workflowRun");
  const graphA = { nodes: [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, data: { trigger: { kind: "manual" } } }], edges: [] };
  const settingsA = { entrySegmentId: null, reentry: "one_at_a_time", quietHours: true, frequencyCap: false, pauseWhileTeammateReplies: false };
  await db.workflow.create({ data: { id: workflowA, orgId: orgA.id, name: "SecretAlice flow", status: "ACTIVE", draft: graphA, settings: settingsA } });
  await db.workflowVersion.create({ data: { id: workflowVersionA, orgId: orgA.id, workflowId: workflowA, version: 1, graph: graphA, settings: settingsA, triggerKind: "manual" } });
  await db.workflow.update({ where: { id: workflowA }, data: { publishedVersionId: workflowVersionA } });
  await db.workflowRun.create({ data: { id: workflowRunA, orgId: orgA.id, workflowId: workflowA, versionId: workflowVersionA, contactId: contactA.id, nodeId: "start", waiting: "reply", trigger: { kind: "manual", data: { note: "SecretAlice" } } } });
  await db.workflowRunStep.create({ data: { id: newId("workflowRunStep"), orgId: orgA.id, runId: workflowRunA, workflowId: workflowA, versionId: workflowVersionA, nodeId: "start", nodeType: "trigger", outcome: "next", leftAt: new Date() } });

  // An attachment of A's (its bytes are not needed: no test here fetches them).
  const mediaA = newId("media");
  await db.mediaAsset.create({ data: { id: mediaA, orgId: orgA.id, storageKey: `${orgA.id}/${mediaA}.png`, contentType: "image/png", size: 2_048, sha256: "0".repeat(64), fileName: "SecretAlice.png" } });

  const userB = await createUser(db);
  const { org: orgB } = await createOrgWithOwner(db, { owner: userB, name: "Org B" });
  const ctxB = await orgContextFor(db, userB, orgB.id);
  const listB = await createList(ctxB, { name: "List of B" });
  const contactB = await createContact(ctxB, { phone: "+1 312 555 0100", firstName: "Bea" });
  await addToList(ctxB, { listId: listB.id, contactIds: [contactB.id] });
  // Kept so list/count reads in B have something to return after contacts.delete runs.
  const ben = await createContact(ctxB, { phone: "+1 312 555 0101", firstName: "Ben" });
  const connectionB = await createConnection(ctxB, { name: "Simulator of B", kind: "SIMULATOR" });
  const senderB = await createSender(ctxB, { kind: "SHORT_CODE", address: "72002", connectionId: connectionB.id });
  // Ben's: contacts.delete deletes contactB (and its conversation) along the way.
  const conversationB = await startConversation(ctxB, { contactId: ben.id });

  const membershipsA = await db.membership.findMany({ where: { orgId: orgA.id } });
  const f: Fixture = {
    orgA: orgA.id,
    orgB: orgB.id,
    contactA: contactA.id,
    contactAPhone: contactA.phone,
    listA: listA.id,
    listAName: listA.name,
    fieldA: fieldA.id,
    fieldAKey: fieldA.key,
    ownerMembershipA: membershipsA.find((m) => m.role === "OWNER")!.id,
    memberMembershipA: memberA.membership.id,
    invitationA: invitationA.id,
    memberAEmail: memberA.user.email,
    auditA: (await db.auditLog.findFirstOrThrow({ where: { orgId: orgA.id } })).id,
    listB: listB.id,
    contactB: contactB.id,
    connectionA: connectionA.id,
    senderA: senderA.id,
    senderAAddress: senderA.address,
    connectionB: connectionB.id,
    senderB: senderB.id,
    messageA: messageA.id,
    scheduledA: scheduledA.id,
    apiKeyA: apiKeyA.key.id,
    endpointA: endpointA.id,
    deliveryA: deliveryA.id,
    segmentA: segmentA.id,
    segmentAName: segmentA.name,
    importA: importA.id,
    campaignA: campaignA.id,
    keywordRuleA: keywordRuleA.id,
    conversationA: conversationA.id,
    conversationB: conversationB.id,
    savedReplyA: savedReplyA.id,
    userA: ownerA.id,
    workflowA,
    workflowVersionA,
    workflowRunA,
    mediaA,
  };
  const snapshot = await snapshotOrg(db, f.orgA);
  // Every ID in org A (rows and the users in it), and two strings only org A's rows hold.
  const rows: { id: string }[] = [snapshot.org, ...snapshot.memberships, ...snapshot.invitations, ...snapshot.contacts];
  rows.push(...snapshot.lists, ...snapshot.customFields, ...snapshot.audit, ...snapshot.connections, ...snapshot.senders, ...snapshot.messages);
  rows.push(...snapshot.apiKeys, ...snapshot.webhookEndpoints, ...snapshot.webhookDeliveries, ...snapshot.segments, ...snapshot.contactImports, ...snapshot.campaigns);
  rows.push(...snapshot.keywordRules, ...snapshot.keywordMatches, ...snapshot.consentEvents);
  rows.push(...snapshot.conversations, ...snapshot.conversationNotes, ...snapshot.savedReplies);
  rows.push(...snapshot.workflows, ...snapshot.workflowVersions, ...snapshot.workflowRuns, ...snapshot.workflowRunSteps);
  const secrets = [...rows.map((row) => row.id), mediaA, ...snapshot.memberships.map((m) => m.userId), "Org A secret name", "SecretAlice", "authtoken-of-a", apiKeyA.key.preview];
  secrets.push("hooks-of-a", endpointA.secret);
  return { f, userB, secrets };
}
