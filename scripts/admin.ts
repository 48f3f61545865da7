// Administration from the command line, for self-hosters and scripts:
//
//   npm run admin -- create-user --email ann@example.com --name "Ann" --password '...' [--instance-admin]
//   npm run admin -- create-org --owner-email ann@example.com --name "Ann's shop" [--country GB]
//   npm run admin -- create-api-key --org <org id or name> --name "Checkout" --scopes messages:send,messages:read [--expires 2027-01-01]
//
// Runs against DATABASE_URL (or the embedded database) through scripts/with-db.ts. Prints what it
// made, the API key's token once. Exit codes: 0 done, 1 refused (the message names the argument),
// 2 usage (an unknown command or option).
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createApiKey } from "../lib/api-keys/create-api-key.ts";
import { API_SCOPES, type ApiScope } from "../lib/api-keys/scopes.ts";
import { signUp } from "../lib/auth/sign-up.ts";
import { createPrismaClient, type Db } from "../lib/db/client.ts";
import { scopedDb } from "../lib/db/scoped.ts";
import { DomainError } from "../lib/errors.ts";
import { createOrg } from "../lib/orgs/create-org.ts";

class UsageError extends Error {}
class Refusal extends Error {}

type Options = Record<string, string | boolean | undefined>;

interface Command {
  options: Record<string, { type: "string" | "boolean" }>;
  required: string[];
  /** Input field -> option, to name the option a validation error is about. */
  fields: Record<string, string>;
  run(db: Db, options: Options): Promise<string>;
}

const text = (options: Options, name: string) => options[name] as string;

const COMMANDS: Record<string, Command> = {
  "create-user": {
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" }, "instance-admin": { type: "boolean" } },
    required: ["email", "name", "password"],
    fields: { email: "email", name: "name", password: "password" },
    async run(db, options) {
      const user = await signUp(db, { email: text(options, "email"), name: text(options, "name"), password: text(options, "password") });
      const admin = options["instance-admin"] === true || user.isInstanceAdmin;
      if (admin && !user.isInstanceAdmin) await db.user.update({ where: { id: user.id }, data: { isInstanceAdmin: true } });
      return `Created user ${user.id} <${user.email}>${admin ? " (installation administrator)" : ""}`;
    },
  },
  "create-org": {
    options: { "owner-email": { type: "string" }, name: { type: "string" }, country: { type: "string" } },
    required: ["owner-email", "name"],
    fields: { name: "name", defaultCountry: "country" },
    async run(db, options) {
      const email = text(options, "owner-email").trim().toLowerCase();
      const owner = await db.user.findUnique({ where: { email }, select: { id: true } });
      if (!owner) throw new Refusal(`--owner-email: no user with the email ${email} (create it with create-user)`);
      const org = await createOrg(db, owner.id, { name: text(options, "name"), defaultCountry: text(options, "country") ?? "US" });
      return `Created organisation ${org.id} "${org.name}" (Account SID ${org.accountSid})`;
    },
  },
  "create-api-key": {
    options: { org: { type: "string" }, name: { type: "string" }, scopes: { type: "string" }, expires: { type: "string" } },
    required: ["org", "name", "scopes"],
    fields: { name: "name", scopes: "scopes", expiresAt: "expires" },
    async run(db, options) {
      const orgId = await findOrg(db, text(options, "org"));
      const ctx = { db: scopedDb(db, orgId), orgId, actor: { type: "SYSTEM" as const, id: null, label: "admin CLI" }, role: null };
      // Checked against the scope list by createApiKey, which names any unknown one.
      const scopes = text(options, "scopes").split(",").map((s) => s.trim()).filter(Boolean);
      const { key, token } = await createApiKey(ctx, { name: text(options, "name"), scopes: scopes as ApiScope[], expiresAt: text(options, "expires") });
      // The token alone on stdout's last line, so scripts can capture it; it is not shown again.
      return `Created API key ${key.id} "${key.name}" with scopes ${key.scopes.join(",")} (shown once, store it now):\n${token}`;
    },
  },
};

async function findOrg(db: Db, idOrName: string): Promise<string> {
  const orgs = await db.organization.findMany({ where: { OR: [{ id: idOrName }, { name: idOrName }] }, select: { id: true } });
  if (orgs.length === 0) throw new Refusal(`--org: no organisation with the id or name "${idOrName}"`);
  if (orgs.length > 1) throw new Refusal(`--org: ${orgs.length} organisations are named "${idOrName}"; give the id (${orgs.map((o) => o.id).join(", ")})`);
  return orgs[0]!.id;
}

function explain(error: unknown, command: Command): Error {
  if (error instanceof ZodError) {
    const issue = error.issues[0]!;
    const option = command.fields[String(issue.path[0])] ?? String(issue.path[0]);
    const detail = option === "scopes" ? ` (scopes: ${API_SCOPES.map((s) => s.scope).join(", ")})` : "";
    return new Refusal(`--${option}: ${issue.message}${detail}`);
  }
  if (error instanceof DomainError) return new Refusal(error.field ? `--${command.fields[error.field] ?? error.field}: ${error.message}` : error.message);
  return error as Error;
}

function usage(): string {
  return `usage: npm run admin -- <command> [options]\ncommands: ${Object.keys(COMMANDS).join(", ")}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(name ? `unknown command "${name}"\n${usage()}` : usage());
  let options: Options;
  try {
    options = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${name}: ${(error as Error).message}`);
  }
  const missing = command.required.filter((option) => options[option] === undefined);
  if (missing.length) throw new Refusal(`${missing.map((m) => `--${m}`).join(", ")}: required for ${name}`);

  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required (run through `npm run admin -- ...`)");
  const db = createPrismaClient(url, { max: 2 });
  try {
    console.log(await command.run(db, options));
    return 0;
  } catch (error) {
    throw explain(error, command);
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`error: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
