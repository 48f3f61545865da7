// A message's status moves in one place, applyStatusChanges (lib/messaging/message-history.ts):
// there the status rules, the history row, webhooks and StatusCallbacks go with every move. A write
// of Message.status anywhere else (a Prisma update of the message, or raw SQL) would skip them, so
// this fails when one appears. A message's first status, when it is written, is not a move.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const THE_ONE_WRITER = "lib/messaging/message-history.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The text of the call's arguments: from the "(" at `open` to its matching ")". */
function argumentsAt(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

/** Where `source` writes a message's status: Prisma updates whose data sets status, raw UPDATEs whose SET does. */
function statusWrites(source: string): string[] {
  const prisma = [...source.matchAll(/\.message\.(update|updateMany|upsert)\s*\(/g)]
    .map((m) => argumentsAt(source, m.index + m[0].length - 1))
    .filter((args) => /\b(data|update)\s*:\s*\{[^}]*\bstatus\s*:/.test(args));
  const raw = [...source.matchAll(/UPDATE\s+(?:"?\w+"?\.)?"Message"(?:\s+(?!SET\b)\w+)?\s+SET\b([\s\S]*?)(?:\bFROM\b|\bWHERE\b|\bRETURNING\b|`|$)/gi)]
    .filter((m) => /(^|[\s,.])"?status"?\s*=/i.test(m[1]!))
    .map((m) => m[0]);
  return [...prisma, ...raw];
}

describe("writes of Message.status", () => {
  it("are found in the shapes they take", () => {
    expect(statusWrites(`tx.message.updateMany({ where: { id }, data: { status: "CANCELED", updatedAt: now } })`)).toHaveLength(1);
    expect(statusWrites("await db.$executeRaw`UPDATE \"Message\" SET status = 'FAILED' WHERE id = ${id}`")).toHaveLength(1);
    expect(statusWrites("UPDATE \"Message\" m SET\n  \"body\" = 'x',\n  status = ${to}::\"MessageStatus\" FROM input")).toHaveLength(1);
    expect(statusWrites(`tx.message.update({ where: { id, status: "SCHEDULED" }, data: { body: "x" } })`)).toEqual([]);
    expect(statusWrites("UPDATE \"MessageSubmission\" s SET status = u.status")).toEqual([]);
  });

  it(`are made only by ${THE_ONE_WRITER}`, () => {
    const writers = [...sourceFiles("lib"), ...sourceFiles("app")].filter((file) => statusWrites(readFileSync(path.join(root, file), "utf8")).length > 0);
    expect(writers).toEqual([THE_ONE_WRITER]);
  });
});
