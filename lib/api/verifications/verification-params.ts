// The verifications resource's parameters in the API's snake_case, built from the domain's field
// schemas (lib/verify/verification-input.ts) so each rule is written once, and mapped here.
import { z } from "zod";
import { startVerificationInput, type StartVerificationInput } from "@/lib/verify/verification-input";

const start = startVerificationInput.shape;

export const startVerificationParams = z.strictObject({
  to: start.to,
  channel: start.channel,
  template: start.template,
  code_length: start.codeLength,
  expiry_minutes: start.expiryMinutes,
});

export function toStartVerificationInput(params: z.output<typeof startVerificationParams>): StartVerificationInput {
  return { to: params.to, channel: params.channel, template: params.template, codeLength: params.code_length, expiryMinutes: params.expiry_minutes };
}
