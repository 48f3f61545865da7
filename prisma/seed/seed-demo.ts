// The demo org: an owner login and a teammate's (the inbox), custom fields, a few lists, ~1,000 varied contacts, saved segments,
// and 90 days of texting through its simulator number (see plan-demo-history.ts).
// Idempotent: a demo org with contacts is left as it is, except that one seeded before messaging
// gets its simulator number, and one seeded before segments and history (none of either) gets them.
// A demo org whose user has texted or made segments keeps what they did.
import { rebuildOrgRollup } from "../../lib/analytics/rebuild-org-rollup.ts";
import type { Db } from "../../lib/db/client.ts";
import { scopedDb } from "../../lib/db/scoped.ts";
import { conversationsFromHistory } from "../../lib/conversations/conversations-from-history.ts";
import { signUp } from "../../lib/auth/sign-up.ts";
import { newId } from "../../lib/ids.ts";
import { createOrg } from "../../lib/orgs/create-org.ts";
import { provisionSimulator } from "../../lib/simulator/provision-simulator.ts";
import { DEMO_LOGIN, DEMO_ORG_NAME, DEMO_TEAMMATE } from "../demo.ts";
import { ensureDemoTeammate } from "./demo-teammate.ts";
import { demoContacts } from "./demo-contacts.ts";
import { seedDemoSegments } from "./demo-segments.ts";
import { DEMO_WORKFLOW_NAME, seedDemoWorkflow } from "./demo-workflow.ts";
import { seedDemoHistory } from "./insert-demo-history.ts";

// The demo's own number, in the 555-01xx block set aside for fiction: fixed, so that what the
// end-to-end tests text (other 555-01xx numbers) never matches it, and the demo reads the same everywhere.
export const DEMO_NUMBER = "+14155550150";

export async function seedDemo(db: Db, now = new Date()): Promise<string> {
  const existing = await db.user.findUnique({
    where: { email: DEMO_LOGIN.email },
    select: { id: true, memberships: { where: { org: { name: DEMO_ORG_NAME } }, select: { orgId: true } } },
  });
  const demoOrgId = existing?.memberships[0]?.orgId;
  if (demoOrgId && (await db.contact.count({ where: { orgId: demoOrgId } })) > 0) {
    if ((await db.senderNumber.count({ where: { orgId: demoOrgId } })) === 0) {
      await db.$transaction((tx) => provisionSimulator(tx, demoOrgId));
    }
    const [segments, messages] = await Promise.all([db.segment.count({ where: { orgId: demoOrgId } }), db.message.count({ where: { orgId: demoOrgId } })]);
    if (segments === 0 && messages === 0) await seedSegmentsAndHistory(db, demoOrgId, now);
    // A demo org seeded before the inbox: its customers' texts get their conversations.
    else await conversationsFromHistory(db, demoOrgId);
    await ensureDemoTeammate(db, demoOrgId);
    console.log(`Demo data present (login ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}).`);
    return demoOrgId;
  }
  // A seed interrupted half-way leaves an org without contacts: start that org again.
  if (demoOrgId) await db.organization.delete({ where: { id: demoOrgId } });
  const user = existing ?? (await signUp(db, DEMO_LOGIN));
  const org = await createOrg(db, user.id, { name: DEMO_ORG_NAME, defaultCountry: "US" });
  const orgId = org.id;
  await db.senderNumber.updateMany({ where: { orgId }, data: { address: DEMO_NUMBER } });
  await db.customFieldDefinition.createMany({
    data: [
      { id: newId("customField"), orgId, key: "birthday", label: "Birthday", type: "DATE" },
      { id: newId("customField"), orgId, key: "plan", label: "Plan", type: "TEXT" },
      { id: newId("customField"), orgId, key: "points", label: "Loyalty points", type: "NUMBER" },
      { id: newId("customField"), orgId, key: "barista", label: "Is a barista", type: "BOOLEAN" },
    ],
  });
  const lists = ["Newsletter", "VIP customers", "Spring promo"].map((name) => ({ id: newId("list"), orgId, name }));
  await db.contactList.createMany({ data: lists });
  const contacts = demoContacts(orgId, now.getTime());
  await db.contact.createMany({ data: contacts });
  const memberships = contacts.flatMap((c, i) =>
    lists.filter((_, j) => (i + j) % (j + 2) === 0).map((l) => ({ listId: l.id, contactId: c.id, orgId })),
  );
  await db.listMembership.createMany({ data: memberships });
  console.log(`Seeded ${DEMO_ORG_NAME}: ${contacts.length} contacts, ${lists.length} lists.`);
  await seedSegmentsAndHistory(db, orgId, now);
  // Only a fresh demo: a workflow someone deleted from an older demo is not put back.
  const workflow = await seedDemoWorkflow(db, orgId, now);
  console.log(`Seeded the workflow "${DEMO_WORKFLOW_NAME}" with ${workflow.runs} ended runs.`);
  await ensureDemoTeammate(db, orgId);
  console.log(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}; teammate ${DEMO_TEAMMATE.email}`);
  return orgId;
}

async function seedSegmentsAndHistory(db: Db, orgId: string, now: Date) {
  const segments = await seedDemoSegments(db, orgId);
  const history = await seedDemoHistory(db, orgId, now);
  // Backdated history is older than the refresh job's watermark: the dashboard's rollup is counted here.
  await rebuildOrgRollup({ db: scopedDb(db, orgId), orgId }, now);
  // Likewise the inbox: the customers' texts were not routed by receiveMessage.
  const conversations = await conversationsFromHistory(db, orgId);
  console.log(`Seeded ${segments} segments, ${history.messages.length} messages, ${history.optOuts.length} opt-outs over the last 90 days, ${conversations} conversations.`);
}
