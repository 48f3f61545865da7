// The message log's filters and the id of one message: pure zod, shared by the Messages page, the
// tRPC procedures and the REST API's message list.
import { z } from "zod";
import { MessageDirection, MessageStatus } from "@/lib/generated/prisma/enums";

/** Message.source of outbound messages, and "inbound" for texts received. */
export const MESSAGE_SOURCES = ["campaign", "api", "ui", "workflow", "system", "inbound"] as const;
export type MessageSource = (typeof MESSAGE_SOURCES)[number];

export const listMessagesInput = z
  .strictObject({
    status: z.enum(MessageStatus).optional(),
    /** Any of these statuses (the dashboard's "sent" and "failed" are several). */
    statuses: z.array(z.enum(MessageStatus)).min(1).max(9).optional(),
    direction: z.enum(MessageDirection).optional(),
    /** Part of the to or from address: digits of a number (spaces, dashes and brackets ignored) or a sender name. */
    number: z
      .string()
      .trim()
      .max(40, "Use at most 40 characters")
      .regex(/^[\p{L}\p{N} +().-]*$/u, "Search by the digits of a number or a sender name")
      .optional(),
    /** Exactly this recipient or sender address (E.164 for numbers): the REST API's filters. */
    to: z.string().trim().min(1).max(32).optional(),
    from: z.string().trim().min(1).max(32).optional(),
    /** One contact's messages, to or from them (their page). */
    contactId: z.string().min(1).max(64).optional(),
    /** Sent from (or, inbound, received on) this sender number. */
    senderId: z.string().min(1).max(64).optional(),
    /** Who made it (Message.source: "campaign", "api", "ui", "workflow", "system" for keyword replies), or "inbound". */
    source: z.enum(MESSAGE_SOURCES).optional(),
    /** Made by this campaign. */
    campaignId: z.string().min(1).max(64).optional(),
    /** Failed with this carrier error code. */
    errorCode: z.string().min(1).max(32).optional(),
    /** With a person's click on one of its tracked links at or after / before (the dashboard's click rate). */
    clickedSince: z.coerce.date().optional(),
    clickedUntil: z.coerce.date().optional(),
    /** Created at or after. */
    since: z.coerce.date().optional(),
    /** Created before. */
    until: z.coerce.date().optional(),
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((f) => !f.since || !f.until || f.since < f.until, { message: "The end of the range must be after its start", path: ["until"] })
  .refine((f) => !f.clickedSince || !f.clickedUntil || f.clickedSince < f.clickedUntil, { message: "The end of the range must be after its start", path: ["clickedUntil"] });
export type ListMessagesInput = z.input<typeof listMessagesInput>;

export const messageIdInput = z.strictObject({ id: z.string().min(1) });
export type MessageIdInput = z.input<typeof messageIdInput>;
