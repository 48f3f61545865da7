// The fast path of normalizePhone for a number already written in E.164 ("+14155550123"), which is
// how most exported contact lists carry them. libphonenumber-js's parse costs ~20-50 µs a number
// (it compiles every pattern it tests into a new RegExp, and a +1 number is tried against each NANP
// region): a million-row import spent most of its time there. This does the same checks with its
// metadata, on patterns compiled once, and answers only when the number is valid as written; any
// other case (invalid, a national prefix written after the country code, non-geographic codes)
// returns undefined and takes the library's path. tests/unit/fast-e164.test.ts holds it to the
// library's answers over random numbers of many countries.
import { Metadata } from "libphonenumber-js/max";

interface NumberingPlanApi {
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
interface MetadataApi {
  selectNumberingPlan(country: string): void;
  numberingPlan: NumberingPlanApi;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

const TYPES = ["FIXED_LINE", "MOBILE", "PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"];
const MIN_NSN = 2;
const MAX_NSN = 17;

interface Plan {
  country: string;
  leadingDigits: RegExp | null;
  hasTypes: boolean;
  national: RegExp;
  prefixForParsing: RegExp | null;
  types: { pattern: RegExp; lengths: number[] | undefined }[];
}

const metadata = new (Metadata as unknown as new () => MetadataApi)();
const plansByCallingCode = new Map<string, Plan[] | null>();

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function plansFor(callingCode: string): Plan[] | null {
  let plans = plansByCallingCode.get(callingCode);
  if (plans !== undefined) return plans;
  const countries = metadata.getCountryCodesForCallingCode(callingCode);
  plans = countries?.length
    ? countries.map((country) => {
        metadata.selectNumberingPlan(country);
        const plan = metadata.numberingPlan;
        const leading = plan.leadingDigits();
        const prefix = plan.nationalPrefixForParsing();
        return {
          country,
          leadingDigits: leading ? new RegExp(`^(?:${leading})`) : null,
          hasTypes: plan.hasTypes(),
          national: whole(plan.nationalNumberPattern()),
          prefixForParsing: prefix ? new RegExp(`^(?:${prefix})`) : null,
          types: TYPES.flatMap((name) => {
            const type = plan.type(name);
            const pattern = type?.pattern();
            return pattern ? [{ pattern: whole(pattern), lengths: type!.possibleLengths() }] : [];
          }),
        };
      })
    : null;
  plansByCallingCode.set(callingCode, plans);
  return plans;
}

function hasType(plan: Plan, nsn: string): boolean {
  if (!plan.national.test(nsn)) return false;
  return plan.types.some((t) => (!t.lengths || t.lengths.includes(nsn.length)) && t.pattern.test(nsn));
}

function isValidIn(plan: Plan, nsn: string): boolean {
  return plan.hasTypes ? hasType(plan, nsn) : plan.national.test(nsn);
}

/** The country of `e164` when it is a valid number exactly as written; undefined when unsure. */
export function fastE164Country(e164: string): string | undefined {
  if (!/^\+[1-9]\d{6,16}$/.test(e164)) return undefined;
  for (let length = 1; length <= 3; length++) {
    const plans = plansFor(e164.slice(1, 1 + length));
    if (!plans) continue;
    const nsn = e164.slice(1 + length);
    if (nsn.length < MIN_NSN || nsn.length > MAX_NSN) return undefined;
    // The library may strip a national prefix written after the country code: leave those to it.
    if (plans[0]!.prefixForParsing?.test(nsn)) return undefined;
    const plan = plans.length === 1 ? plans[0]! : plans.find((p) => (p.leadingDigits ? p.leadingDigits.test(nsn) : hasType(p, nsn)));
    return plan && isValidIn(plan, nsn) ? plan.country : undefined;
  }
  return undefined;
}
