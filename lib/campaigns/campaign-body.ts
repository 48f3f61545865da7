// The text a campaign sends before merge fields: its body, and the org's opt-out language for the
// recipients the campaign gives it to (whose CampaignRecipient row says so, decided at the start:
// audience-sql.ts). Checked when a draft is saved and again when it is sent (a custom field may
// have been deleted meanwhile): an unknown field is refused naming it, never sent as typed. Once
// sending, a field deleted mid-way renders as its fallback (or nothing), as a missing value does.
import { listCustomFields } from "@/lib/custom-fields/manage-custom-fields";
import { DomainError } from "@/lib/errors";
import { optOutLanguage } from "@/lib/campaigns/send-rules";
import type { OrgContext } from "@/lib/org-context";
import { validateTemplate, type MergeField } from "@/lib/sms/templates";

/** The templates a recipient's message is rendered from: without the opt-out language, and with it. */
export interface CampaignTexts {
  plain: string;
  withOptOut: string;
}

export async function campaignTexts(ctx: OrgContext, campaign: { body: string }): Promise<CampaignTexts> {
  return { plain: campaign.body, withOptOut: `${campaign.body.trimEnd()}\n${await optOutLanguage(ctx)}`.trimStart() };
}

/** The templates, checked: their merge fields (each known to the org), or a refusal naming the one that is not. */
export async function checkedCampaignTexts(ctx: OrgContext, campaign: { body: string }): Promise<{ texts: CampaignTexts; fields: MergeField[] }> {
  const customKeys = (await listCustomFields(ctx)).map((f) => f.key);
  const check = validateTemplate(campaign.body, customKeys);
  if (!check.ok) throw new DomainError("BAD_REQUEST", check.message, "body", "unknown_merge_field");
  return { texts: await campaignTexts(ctx, campaign), fields: check.fields };
}
