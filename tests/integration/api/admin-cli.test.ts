// The admin CLI as a self-hoster runs it: a real process on this file's database, its output, its
// exit codes; the key it prints then works against the API.
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { apiRequest, call, setupApiDatabase } from "../helpers/api";
import { databaseUrl, withSchema } from "../helpers/db";

const { db, schema } = await setupApiDatabase();
const { GET } = await import("@/app/api/v1/messages/route");

// Each run starts a process (~2 s): a file of them needs more than the default 30 s per test.
vi.setConfig({ testTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

function run(command: string, args: string[], viaNpm = false): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: withSchema(databaseUrl(), schema) };
  const [file, argv] = viaNpm ? ["npm", ["run", "--silent", "admin", "--", command, ...args]] : [tsx, ["scripts/admin.ts", command, ...args]];
  return new Promise((resolve) => {
    execFile(file, argv, { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("npm run admin", () => {
  it("creates a user, an organisation for them and an API key that the API accepts", async () => {
    const user = await run("create-user", ["--email", "Ops@Example.test", "--name", "Ops", "--password", "long enough secret"], true);
    expect(user, user.stderr).toMatchObject({ code: 0 });
    expect(user.stdout).toMatch(/^Created user usr_\w+ <ops@example.test>/m);

    const org = await run("create-org", ["--owner-email", "ops@example.test", "--name", "Ops Shop", "--country", "GB"]);
    expect(org, org.stderr).toMatchObject({ code: 0 });
    const created = await db.organization.findFirstOrThrow({ where: { name: "Ops Shop" }, include: { memberships: { include: { user: true } }, senders: true } });
    expect(created).toMatchObject({ defaultCountry: "GB", memberships: [{ role: "OWNER", user: { email: "ops@example.test" } }] });
    expect(created.senders.length).toBe(1);
    expect(org.stdout).toContain(`Created organisation ${created.id} "Ops Shop" (Account SID ${created.accountSid})`);

    const key = await run("create-api-key", ["--org", "Ops Shop", "--name", "Deploy script", "--scopes", "messages:read, messages:send"]);
    expect(key, key.stderr).toMatchObject({ code: 0 });
    const token = key.stdout.trim().split("\n").at(-1)!;
    expect(token).toMatch(/^tsk_live_[0-9A-Za-z]{40}$/);
    const stored = await db.apiKey.findFirstOrThrow({ where: { orgId: created.id } });
    expect(stored).toMatchObject({ name: "Deploy script", scopes: ["messages:read", "messages:send"], preview: `tsk_live_…${token.slice(-4)}` });
    expect(JSON.stringify(stored)).not.toContain(token);
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: created.id, action: "api_key.created" } });
    expect(audit).toMatchObject({ actorType: "SYSTEM", actorLabel: "admin CLI", targetId: stored.id });

    const listed = await call(GET(apiRequest("/api/v1/messages", { token })));
    expect(listed).toMatchObject({ status: 200, body: { data: [], has_more: false } });
  });

  it("makes an installation administrator with --instance-admin", async () => {
    const res = await run("create-user", ["--email", "root@example.test", "--name", "Root", "--password", "long enough secret", "--instance-admin"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain("(installation administrator)");
    expect((await db.user.findUniqueOrThrow({ where: { email: "root@example.test" } })).isInstanceAdmin).toBe(true);
  });

  it("refuses bad input with exit code 1, naming the argument", async () => {
    await run("create-user", ["--email", "taken@example.test", "--name", "T", "--password", "long enough secret"]);
    const cases: [string, string[], string][] = [
      ["create-user", ["--email", "not-an-email", "--name", "X", "--password", "long enough secret"], "error: --email: Enter a valid email address"],
      ["create-user", ["--email", "x@example.test", "--name", "X", "--password", "short"], "error: --password: Use at least 8 characters"],
      ["create-user", ["--email", "taken@example.test", "--name", "X", "--password", "long enough secret"], "error: --email: An account with this email already exists"],
      ["create-user", ["--email", "x@example.test"], "error: --name, --password: required for create-user"],
      ["create-org", ["--owner-email", "nobody@example.test", "--name", "X"], "error: --owner-email: no user with the email nobody@example.test"],
      ["create-org", ["--owner-email", "taken@example.test", "--name", "X", "--country", "XX"], "error: --country: Choose a country"],
      ["create-api-key", ["--org", "No such org", "--name", "K", "--scopes", "messages:send"], 'error: --org: no organisation with the id or name "No such org"'],
      ["create-api-key", ["--org", "Ops Shop", "--name", "K", "--scopes", "messages:send,sms:blast"], "error: --scopes: is not a known scope (scopes: messages:send, messages:transactional, messages:read,"],
      ["create-api-key", ["--org", "Ops Shop", "--name", "K", "--scopes", "verify", "--expires", "2001-01-01"], "error: --expires: must be in the future"],
    ];
    for (const [command, args, message] of cases) {
      const res = await run(command, args);
      expect({ code: res.code, stderr: res.stderr.trim().slice(0, message.length) }, `${command} ${args.join(" ")}`).toEqual({ code: 1, stderr: message });
    }
    expect(await db.user.count({ where: { email: "x@example.test" } })).toBe(0);
  });

  it("exits 2 with the usage for an unknown command or option", async () => {
    const unknownCommand = await run("drop-everything", []);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('unknown command "drop-everything"');
    expect(unknownCommand.stderr).toContain("commands: create-user, create-org, create-api-key");
    const unknownOption = await run("create-org", ["--owner", "x@example.test", "--name", "X"]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("--owner");
  });
});
