// The rule that keeps cross-org raw SQL (systemSql / systemSqlTransaction, lib/db/sql.ts) to the
// system paths listed in eslint.config.mjs: it refuses the import anywhere else in the app, and the
// list names only files that use it (a file that no longer does is dropped from it).
import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The config is JavaScript without types.
const { SYSTEM_SQL_FILES } = (await import(`${process.cwd()}/eslint.config.mjs`)) as { SYSTEM_SQL_FILES: string[] };

const eslint = new ESLint();
const importing = `import { systemSql, systemSqlTransaction } from "@/lib/db/sql";\nexport const helpers = [systemSql, systemSqlTransaction];\n`;
const refusals = async (filePath: string) =>
  (await eslint.lintText(importing, { filePath }))[0]!.messages.filter((m) => m.ruleId === "no-restricted-imports");

describe("systemSql's import rule", () => {
  it("refuses it in code acting for an org", async () => {
    for (const file of ["lib/contacts/probe.ts", "lib/messaging/send-messages.ts", "lib/api/idempotency.ts", "app/api/v1/probe/route.ts"]) {
      expect(await refusals(file), file).toHaveLength(2);
    }
  });

  it("allows it in the system paths, each of which uses it", async () => {
    for (const file of SYSTEM_SQL_FILES) {
      expect(await refusals(file), file).toEqual([]);
      expect(readFileSync(file, "utf8"), file).toMatch(/import \{[^}]*\bsystemSql(Transaction)?\b[^}]*\} from "@\/lib\/db\/sql"/);
    }
  });
});
