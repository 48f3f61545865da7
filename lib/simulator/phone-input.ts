// What the simulator's virtual phones accept: pure zod for the Phones page and its procedures.
import { z } from "zod";
import { MAX_BODY_LENGTH } from "@/lib/sms/segments";

const phone = z.string().trim().min(1, "Enter the phone's number").max(32, "That is too long for a phone number");

export const listVirtualPhonesInput = z.strictObject({
  /** Digits the number contains. */
  search: z.string().trim().max(32).optional(),
  limit: z.number().int().min(1).max(200).default(60),
});
export type ListVirtualPhonesInput = z.input<typeof listVirtualPhonesInput>;

export const phoneThreadInput = z.strictObject({ phone });
export type PhoneThreadInput = z.input<typeof phoneThreadInput>;

export const phoneReplyInput = z.strictObject({
  phone,
  senderId: z.string().min(1, "Choose who to text"),
  body: z
    .string()
    .max(MAX_BODY_LENGTH, `Messages are limited to ${MAX_BODY_LENGTH} characters`)
    .refine((body) => body.trim().length > 0, "Write a message"),
});
export type PhoneReplyInput = z.input<typeof phoneReplyInput>;
