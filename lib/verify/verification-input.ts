// What the verification (2FA) functions accept: pure zod, shared by the REST API's parameters
// (lib/api/verifications/verification-params.ts) and anything else that sends codes later.
import { z } from "zod";

/** Codes texted per verification (the first send and up to four resends), as Twilio Verify allows. */
export const MAX_SENDS = 5;
/** Wrong guesses a verification survives: the fifth wrong one cancels it. */
export const MAX_CHECKS = 5;
export const CODE_PLACEHOLDER = "{{code}}";
/** Long enough for a sentence or two in several languages, short enough to stay a few segments. */
const MAX_TEMPLATE_LENGTH = 320;

export const startVerificationInput = z.strictObject({
  to: z.string().trim().min(1, "Enter the phone number to verify").max(32),
  channel: z.literal("sms", "must be sms (the only channel so far)"),
  template: z
    .string()
    .trim()
    .min(1)
    .max(MAX_TEMPLATE_LENGTH, `must be at most ${MAX_TEMPLATE_LENGTH} characters`)
    .refine((t) => t.includes(CODE_PLACEHOLDER), `must contain ${CODE_PLACEHOLDER} where the code goes`)
    .optional(),
  codeLength: z.number("must be a number").int("must be a whole number").min(4, "must be at least 4").max(10, "must be at most 10").default(6),
  expiryMinutes: z.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(60, "must be at most 60").default(10),
});
export type StartVerificationInput = z.input<typeof startVerificationInput>;

export const checkVerificationInput = z.strictObject({
  to: z.string().trim().min(1, "Enter the phone number being verified").max(32),
  // Malformed codes are refused here, before they cost the verification one of its checks.
  code: z.string().trim().regex(/^\d{4,10}$/, "must be the 4 to 10 digits that were texted"),
});
export type CheckVerificationInput = z.input<typeof checkVerificationInput>;

export const verificationIdInput = z.strictObject({ id: z.string().min(1) });
