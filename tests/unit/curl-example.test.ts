// The docs' curl examples are pasted into shells as they are: run each one with a real POSIX sh
// (curl swapped for a function that prints the arguments it was given) and check what curl would get.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { curlExample } from "@/lib/api/openapi/examples";
import { OPERATIONS, type ApiOperation } from "@/lib/api/openapi/operations";

const BASE = "https://sms.example.com";
const KEY = "tsk_live_unit_test_key";

/** The arguments curl would be called with when `command` is pasted into sh. */
function curlArgs(command: string): string[] {
  const script = `set -e\ncurl() { for arg in "$@"; do printf '%s\\0' "$arg"; done; }\n${command}\n`;
  const out = execFileSync("sh", ["-c", script], { env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: "/home/reader", TEXTSTACK_API_KEY: KEY }, encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

/** curl's arguments as the request they make. */
function request(args: string[]) {
  const headers: Record<string, string> = {};
  let method = "GET";
  let data: string | undefined;
  let output: string | undefined;
  const form: string[] = [];
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-H") {
      const [name, ...value] = args[++i]!.split(": ");
      headers[name!] = value.join(": ");
    } else if (arg === "-X") method = args[++i]!;
    else if (arg === "-d") {
      data = args[++i];
      if (method === "GET") method = "POST";
    } else if (arg === "-F") {
      form.push(args[++i]!);
      if (method === "GET") method = "POST";
    } else if (arg === "-o") output = args[++i];
    else if (arg.startsWith("-")) throw new Error(`unexpected curl option ${arg}`);
    else urls.push(arg);
  }
  expect(urls, "one URL").toHaveLength(1);
  return { method, url: urls[0]!, headers, data, form, output };
}

const byId = (id: string) => OPERATIONS.find((op) => op.id === id)!;
const sendMessage = byId("sendMessage");

describe("curlExample", () => {
  it("sends the example body as JSON, with the key from the environment and a fresh Idempotency-Key", () => {
    const command = curlExample(BASE, sendMessage);
    expect(command).toContain(`-H "Idempotency-Key: $(openssl rand -hex 16)"`);
    const first = request(curlArgs(command));
    expect(first).toMatchObject({ method: "POST", url: `${BASE}/api/v1/messages` });
    expect(first.headers).toMatchObject({ Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" });
    expect(first.headers["Idempotency-Key"]).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(first.data!)).toEqual(sendMessage.example);
    // A new key on every paste: a fixed one would make the second send return the first message.
    expect(request(curlArgs(command)).headers["Idempotency-Key"]).not.toBe(first.headers["Idempotency-Key"]);
  });

  it("quotes apostrophes and shell syntax in the body so the shell passes them through untouched", () => {
    const body = `It's Ava's table 'til 9 ''. $HOME \`id\` $(id) \\ "quoted" !`;
    const op: ApiOperation = { ...sendMessage, example: { to: "+14155550123", body } };
    const { data } = request(curlArgs(curlExample(BASE, op)));
    expect(JSON.parse(data!)).toEqual({ to: "+14155550123", body });
  });

  it("sends no body, Content-Type or Idempotency-Key with a GET", () => {
    const { method, url, headers, data } = request(curlArgs(curlExample(BASE, byId("getMessage"))));
    expect(method).toBe("GET");
    expect(url).toMatch(new RegExp(`^${BASE}/api/v1/messages/msg_[0-9a-z]+$`));
    expect(headers).toEqual({ Authorization: `Bearer ${KEY}` });
    expect(data).toBeUndefined();
  });

  it("makes a command for every operation that the shell runs, on its path with its method", () => {
    for (const op of OPERATIONS) {
      const { method, url, headers, data, form } = request(curlArgs(curlExample(BASE, op)));
      expect(method, op.id).toBe(op.method.toUpperCase());
      expect(url, op.id).toMatch(new RegExp(`^${BASE}${op.path.replace("{id}", "[a-z]+_[0-9a-z]+")}$`));
      expect(headers.Authorization, op.id).toBe(`Bearer ${KEY}`);
      if (op.method === "post") expect(headers["Idempotency-Key"], op.id).toMatch(/^[0-9a-f]{32}$/);
      else expect(headers["Idempotency-Key"], op.id).toBeUndefined();
      if (op.example) expect(JSON.parse(data!), op.id).toEqual(op.example);
      // A file upload: curl writes the multipart Content-Type (with its boundary) itself.
      if (form.length) expect(headers["Content-Type"], op.id).toBeUndefined();
    }
  });

  it("saves an export to a file rather than printing a million rows", () => {
    expect(request(curlArgs(curlExample(BASE, byId("exportContacts")))).output).toBe("contacts.csv");
    expect(request(curlArgs(curlExample(BASE, byId("getMessage")))).output).toBeUndefined();
  });
});
