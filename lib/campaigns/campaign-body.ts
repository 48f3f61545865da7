// The text a campaign sends before merge fields: its body, and the org's opt-out language when the
// campaign asks for it. Checked when a draft is saved and again when it is sent (a custom field may
// have been deleted meanwhile): an unknown field is refused naming it, never sent as typed. Once
// sending, a field deleted mid-way renders as its fallback (or nothing), as a missing value does.
import { listCustomFields } from "@/lib/custom-fields/manage-custom-fields";
import { DomainError } from "@/lib/errors";
import { optOutLanguage } from "@/lib/campaigns/send-rules";
import type { OrgContext } from "@/lib/org-context";
import { validateTemplate, type MergeField } from "@/lib/sms/templates";

type BodyOf = { body: string; appendOptOut: boolean };

/** The template every recipient's message is rendered from. */
export async function campaignText(ctx: OrgContext, campaign: BodyOf): Promise<string> {
  return campaign.appendOptOut ? `${campaign.body.trimEnd()}\n${await optOutLanguage(ctx)}`.trimStart() : campaign.body;
}

/** The template, checked: its merge fields (each known to the org), or a refusal naming the one that is not. */
export async function checkedCampaignText(ctx: OrgContext, campaign: BodyOf): Promise<{ text: string; fields: MergeField[] }> {
  const customKeys = (await listCustomFields(ctx)).map((f) => f.key);
  const check = validateTemplate(campaign.body, customKeys);
  if (!check.ok) throw new DomainError("BAD_REQUEST", check.message, "body", "unknown_merge_field");
  return { text: await campaignText(ctx, campaign), fields: check.fields };
}
