// An org's sending rules, as the settings form and the procedure read them (pure zod, no server
// code): the marketing window in each recipient's zone, narrowed from the law's, never widened;
// the org's own cap of marketing texts per recipient per rolling 24 hours; the opt-out language
// a campaign may end its text with.
import { z } from "zod";
import { clockTime, DEFAULT_WINDOW, STATE_WINDOWS } from "@/lib/sms/quiet-hours";

/** Offered when the org wrote none. */
export const DEFAULT_OPT_OUT_LANGUAGE = "Reply STOP to opt out.";

/** Narrower than this and a campaign would hardly get out in a day. */
export const MIN_WINDOW_MINUTES = 60;
export const MAX_DAILY_CAP = 10;
const MAX_OPT_OUT_LENGTH = 80;

const minute = (label: string) =>
  z.int(`${label}: whole minutes after midnight`).min(0, `${label} is a time of day`).max(1_440, `${label} is a time of day`);

export const updateSendingRulesInput = z
  .strictObject({
    quietStart: minute("Start"),
    quietEnd: minute("End"),
    marketingCapPer24h: z
      .int("The cap is a whole number of texts")
      .min(1, "At least 1 text a day, or no cap")
      .max(MAX_DAILY_CAP, `At most ${MAX_DAILY_CAP} texts a day, or no cap`)
      .nullable(),
    optOutLanguage: z
      .string()
      .trim()
      .max(MAX_OPT_OUT_LENGTH, `Use at most ${MAX_OPT_OUT_LENGTH} characters`)
      .refine((s) => s === "" || /\bSTOP\b/i.test(s), "Tell recipients how to opt out: include the word STOP")
      .transform((s) => (s === "" ? null : s))
      .nullable(),
  })
  .superRefine((rules, issue) => {
    if (rules.quietStart < DEFAULT_WINDOW.start) {
      issue.addIssue({ code: "custom", path: ["quietStart"], message: `The law allows marketing texts from ${clockTime(DEFAULT_WINDOW.start)} recipient time: start at ${clockTime(DEFAULT_WINDOW.start)} or later` });
    }
    if (rules.quietEnd > DEFAULT_WINDOW.end) {
      issue.addIssue({ code: "custom", path: ["quietEnd"], message: `The law allows marketing texts until ${clockTime(DEFAULT_WINDOW.end)} recipient time: end at ${clockTime(DEFAULT_WINDOW.end)} or earlier` });
    }
    if (rules.quietEnd - rules.quietStart < MIN_WINDOW_MINUTES) {
      issue.addIssue({ code: "custom", path: ["quietEnd"], message: `End at least ${MIN_WINDOW_MINUTES} minutes after the start` });
    }
    // Else the states with an earlier end would leave (next to) no time to text their numbers.
    const latestStart = Math.min(...Object.values(STATE_WINDOWS).map((w) => w.end)) - MIN_WINDOW_MINUTES;
    if (rules.quietStart > latestStart) {
      issue.addIssue({
        code: "custom",
        path: ["quietStart"],
        message: `Start by ${clockTime(latestStart)}: numbers in ${Object.keys(STATE_WINDOWS).join(", ")} may be texted only until ${clockTime(latestStart + MIN_WINDOW_MINUTES)}`,
      });
    }
  });
export type UpdateSendingRulesInput = z.input<typeof updateSendingRulesInput>;
