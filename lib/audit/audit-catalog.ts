// What the audit log records: the kinds of object it names and the actions on them. This one list
// types every recordAudit call (a new action fails to compile until it is listed here) and gives the
// audit page its filter choices and its words.
import { z } from "zod";

export const AUDIT_TARGET_TYPES = {
  contact: "Contact",
  list: "List",
  segment: "Segment",
  message: "Message",
  custom_field: "Custom field",
  member: "Member",
  invitation: "Invitation",
  organization: "Organisation",
  carrier_connection: "Carrier connection",
  sender: "Sender",
  api_key: "API key",
  webhook_endpoint: "Webhook endpoint",
  webhook_delivery: "Webhook delivery",
  media: "Media",
  verification: "Verification",
  contact_import: "Contact import",
  campaign: "Campaign",
  keyword_rule: "Keyword rule",
} as const;

export type AuditTargetType = keyof typeof AUDIT_TARGET_TYPES;

/** Each action with what people read and the kind of object its rows name. */
export const AUDIT_ACTIONS = {
  "contact.created": { label: "Contact created", target: "contact" },
  "contact.updated": { label: "Contact updated", target: "contact" },
  "contact.deleted": { label: "Contact deleted", target: "contact" },
  "contact.opted_in": { label: "Contact opted in", target: "contact" },
  "contact.opted_out": { label: "Contact opted out", target: "contact" },
  "list.created": { label: "List created", target: "list" },
  "list.renamed": { label: "List renamed", target: "list" },
  "list.deleted": { label: "List deleted", target: "list" },
  "list.members_added": { label: "Contacts added to list", target: "list" },
  "list.members_removed": { label: "Contacts removed from list", target: "list" },
  "segment.created": { label: "Segment created", target: "segment" },
  "segment.updated": { label: "Segment updated", target: "segment" },
  "segment.deleted": { label: "Segment deleted", target: "segment" },
  "message.sent": { label: "Message sent", target: "message" },
  "message.scheduled": { label: "Message scheduled", target: "message" },
  "message.sent_to_opted_out": { label: "Transactional message to an opted-out contact", target: "message" },
  "message.canceled": { label: "Message canceled", target: "message" },
  "message.deleted": { label: "Message deleted", target: "message" },
  "virtual_phone.texted": { label: "Virtual phone texted", target: "message" },
  "custom_field.created": { label: "Custom field created", target: "custom_field" },
  "custom_field.deleted": { label: "Custom field deleted", target: "custom_field" },
  "member.invited": { label: "Member invited", target: "invitation" },
  "member.invite_revoked": { label: "Invitation revoked", target: "invitation" },
  "member.joined": { label: "Member joined", target: "invitation" },
  "member.role_changed": { label: "Member's role changed", target: "member" },
  "member.removed": { label: "Member removed", target: "member" },
  "organization.created": { label: "Organisation created", target: "organization" },
  "organization.updated": { label: "Organisation updated", target: "organization" },
  "organization.keyword_replies_updated": { label: "Keyword replies updated", target: "organization" },
  "organization.sending_rules_updated": { label: "Sending rules updated", target: "organization" },
  "organization.alert_thresholds_updated": { label: "Deliverability alert thresholds updated", target: "organization" },
  "carrier_connection.created": { label: "Connection created", target: "carrier_connection" },
  "carrier_connection.updated": { label: "Connection updated", target: "carrier_connection" },
  "carrier_connection.deleted": { label: "Connection deleted", target: "carrier_connection" },
  "sender.created": { label: "Sender created", target: "sender" },
  "sender.updated": { label: "Sender updated", target: "sender" },
  "sender.deleted": { label: "Sender deleted", target: "sender" },
  "api_key.created": { label: "API key created", target: "api_key" },
  "api_key.revoked": { label: "API key revoked", target: "api_key" },
  "webhook_endpoint.created": { label: "Webhook endpoint created", target: "webhook_endpoint" },
  "webhook_endpoint.updated": { label: "Webhook endpoint updated", target: "webhook_endpoint" },
  "webhook_endpoint.deleted": { label: "Webhook endpoint deleted", target: "webhook_endpoint" },
  "webhook_endpoint.secret_rotated": { label: "Signing secret rotated", target: "webhook_endpoint" },
  "webhook_endpoint.test_sent": { label: "Test event sent", target: "webhook_endpoint" },
  "webhook_endpoint.auto_disabled": { label: "Webhook endpoint disabled after failures", target: "webhook_endpoint" },
  "webhook_delivery.replayed": { label: "Webhook delivery replayed", target: "webhook_delivery" },
  "media.uploaded": { label: "Media uploaded", target: "media" },
  "verification.canceled": { label: "Verification canceled", target: "verification" },
  "contact_import.mapped": { label: "Contact import's columns mapped", target: "contact_import" },
  "contact_import.started": { label: "Contact import started", target: "contact_import" },
  "contact_import.finished": { label: "Contact import finished", target: "contact_import" },
  "contact_import.canceled": { label: "Contact import canceled", target: "contact_import" },
  "campaign.created": { label: "Campaign created", target: "campaign" },
  "campaign.updated": { label: "Campaign updated", target: "campaign" },
  "campaign.scheduled": { label: "Campaign scheduled", target: "campaign" },
  "campaign.rescheduled": { label: "Campaign rescheduled", target: "campaign" },
  "campaign.paused": { label: "Campaign paused", target: "campaign" },
  "campaign.resumed": { label: "Campaign resumed", target: "campaign" },
  "campaign.canceled": { label: "Campaign canceled", target: "campaign" },
  "campaign.completed": { label: "Campaign completed", target: "campaign" },
  "campaign.winner_picked": { label: "A/B winner picked", target: "campaign" },
  "keyword_rule.created": { label: "Keyword rule created", target: "keyword_rule" },
  "keyword_rule.updated": { label: "Keyword rule updated", target: "keyword_rule" },
  "keyword_rule.deleted": { label: "Keyword rule deleted", target: "keyword_rule" },
  "keyword_rule.applied": { label: "Keyword rule tagged or listed a contact", target: "contact" },
} as const satisfies Record<string, { label: string; target: AuditTargetType }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const auditTargetType = z.enum(keysOf(AUDIT_TARGET_TYPES));
export const auditAction = z.enum(keysOf(AUDIT_ACTIONS));
