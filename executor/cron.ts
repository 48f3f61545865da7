// Unix cron schedules for cron triggers: five fields (minute hour day-of-month month day-of-week)
// with lists, ranges, steps, names and the @hourly-style shorthands, optionally prefixed with
// "TZ=Area/City" (fields are then read in that zone; UTC otherwise).

const SHORTHANDS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  // Vixie cron: when both day fields are restricted, a day matches if either does.
  dayOr: boolean;
  timeZone: string | null;
}

function parseField(field: string, min: number, max: number, names: string[] = []): Set<number> {
  const values = new Set<number>();
  const value = (text: string) => {
    const named = names.indexOf(text.toLowerCase());
    const n = named >= 0 ? named + (min === 1 ? 1 : 0) : Number(text);
    if (!Number.isInteger(n)) throw new Error(`"${text}" is not a number`);
    return n;
  };
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad step in "${part}"`);
    let [from, to] = [min, max];
    if (range !== "*" && range !== "?") {
      const [a, b] = range!.split("-");
      from = value(a!);
      to = b === undefined ? (stepText === undefined ? from : max) : value(b);
    }
    // Sunday may be written 7.
    if (max === 6 && to === 7) {
      values.add(0);
      if (from === 7) continue;
      to = 6;
    }
    if (from < min || to > max || from > to) throw new Error(`"${part}" is out of range ${min}-${max}`);
    for (let n = from; n <= to; n += step) values.add(n);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  let text = expression.trim();
  let timeZone: string | null = null;
  const tz = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(text);
  if (tz) {
    timeZone = tz[1]!;
    text = tz[2]!;
    new Intl.DateTimeFormat("en-US", { timeZone }); // throws on an unknown zone
  }
  text = SHORTHANDS[text] ?? text;
  const fields = text.split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron "${expression}" must have 5 fields`);
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  return {
    minutes: parseField(minute, 0, 59),
    hours: parseField(hour, 0, 23),
    days: parseField(day, 1, 31),
    months: parseField(month, 1, 12, MONTHS),
    weekdays: parseField(weekday, 0, 6, DAYS),
    dayOr: !/^[*?]/.test(day) && !/^[*?]/.test(weekday),
    timeZone,
  };
}

interface Fields {
  minute: number;
  hour: number;
  day: number;
  month: number;
  weekday: number;
}

function fieldsAt(date: Date, timeZone: string | null): Fields {
  if (!timeZone) {
    return { minute: date.getUTCMinutes(), hour: date.getUTCHours(), day: date.getUTCDate(), month: date.getUTCMonth() + 1, weekday: date.getUTCDay() };
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", minute: "numeric", hour: "numeric", day: "numeric", month: "numeric", weekday: "short" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { minute: Number(parts.minute), hour: Number(parts.hour), day: Number(parts.day), month: Number(parts.month), weekday: DAYS.indexOf(String(parts.weekday).toLowerCase()) };
}

/** The first minute strictly after `after` that the schedule matches (within ~5 years). */
export function nextCronTime(schedule: CronSchedule, after: Date): Date {
  let t = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000;
  const limit = t + 5 * 366 * 86_400_000;
  while (t < limit) {
    const f = fieldsAt(new Date(t), schedule.timeZone);
    const dayMatches = schedule.dayOr
      ? schedule.days.has(f.day) || schedule.weekdays.has(f.weekday)
      : schedule.days.has(f.day) && schedule.weekdays.has(f.weekday);
    // Skip whole days and hours that cannot match rather than testing every minute.
    if (!schedule.months.has(f.month) || !dayMatches) t += ((23 - f.hour) * 60 + (60 - f.minute)) * 60_000;
    else if (!schedule.hours.has(f.hour)) t += (60 - f.minute) * 60_000;
    else if (!schedule.minutes.has(f.minute)) t += 60_000;
    else return new Date(t);
  }
  throw new Error("cron schedule never matches");
}
