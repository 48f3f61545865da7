// Tenant scoping, in one place: a client whose every query on an org-owned model is limited to one
// organisation. Reads and writes get `orgId` in their filter, creates get it in their data, so a
// caller cannot reach another org's rows even by passing their IDs. Raw SQL ($queryRaw,
// $executeRaw) passes by those filters, so it gets orgSql's check instead (lib/db/sql.ts): a
// statement that does not bind the org as one of its parameters is refused before it is sent, on
// this client and in its interactive transactions alike. The *Unsafe variants take SQL as a string,
// whose values the check could not tell from its text: they are refused outright.
import type { Db } from "@/lib/db/client";
import { checkBindsOrg, poolOf, registerPool } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

// Every model with an orgId column, read from the generated client so new models are covered.
const ORG_OWNED = new Set<string>(
  Object.values(Prisma.ModelName).filter((model) => {
    const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`];
    return fields?.orgId === "orgId";
  }),
);

type Args = Record<string, unknown> & { where?: object & { AND?: unknown }; data?: unknown; create?: object };

// The scope is ANDed to the caller's filter, not merged into it: merging let a caller's own
// `orgId: otherOrg` be replaced by this org's, so `deleteMany({ where: { orgId: otherOrg } })`
// emptied this org instead of matching nothing. AND can only narrow what the caller asked for.
function scopeWhere(where: Args["where"], scope: object) {
  const and = where?.AND;
  return { ...where, AND: [...(Array.isArray(and) ? and : and ? [and] : []), scope] };
}

function withOrg(operation: string, args: Args, orgId: string): Args {
  switch (operation) {
    case "create":
      return { ...args, data: { ...(args.data as object), orgId } };
    case "createMany":
    case "createManyAndReturn": {
      const data = Array.isArray(args.data) ? args.data : [args.data];
      return { ...args, data: data.map((row: object) => ({ ...row, orgId })) };
    }
    case "upsert":
      return { ...args, where: scopeWhere(args.where, { orgId }), create: { ...args.create, orgId } };
    default:
      return { ...args, where: scopeWhere(args.where, { orgId }) };
  }
}

// Prisma hands a raw query's hook the statement as a Prisma.Sql (whatever its declared type says);
// anything else is refused rather than sent unchecked.
function checkedRaw<A>(args: A, orgId: string): A {
  if (!(args instanceof Prisma.Sql)) throw new Error("Raw SQL on an org-scoped client must be a tagged template or Prisma.sql");
  checkBindsOrg(args, orgId);
  return args;
}

const refuseUnsafe = (operation: string) => {
  throw new Error(`${operation} is not allowed on an org-scoped client: use $queryRaw / $executeRaw, binding the org id`);
};

export function scopedDb(db: Db, orgId: string) {
  const scoped = db.$extends({
    name: "org-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          // The organisation's own row is org data too: only this org's row is reachable.
          if (model === "Organization" && !operation.startsWith("create")) {
            const a = args as Args;
            return query({ ...a, where: scopeWhere(a.where, { id: orgId }) } as typeof args);
          }
          if (!ORG_OWNED.has(model)) return query(args);
          return query(withOrg(operation, args as Args, orgId) as typeof args);
        },
      },
      $queryRaw: async ({ args, query }) => query(checkedRaw(args, orgId)),
      $executeRaw: async ({ args, query }) => query(checkedRaw(args, orgId)),
      $queryRawUnsafe: async ({ operation }) => refuseUnsafe(operation),
      $executeRawUnsafe: async ({ operation }) => refuseUnsafe(operation),
    },
  });
  registerPool(scoped, poolOf(db));
  return scoped;
}

export type ScopedDb = ReturnType<typeof scopedDb>;
