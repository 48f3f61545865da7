// tRPC: the context ({ db, user, requested org }), and the procedures every router builds on.
// `orgProcedure` is the one door to org data: it checks membership, then hands the resolver an
// OrgContext whose database client is scoped to that org (lib/db/scoped.ts).
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { isInstanceAdmin } from "@/lib/auth/instance-admin";
import type { Db } from "@/lib/db/client";
import { DomainError, type DomainErrorCode } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Role } from "@/lib/generated/prisma/enums";
import { memberOrgContext } from "@/lib/members/member-org-context";

export interface TRPCContext {
  db: Db;
  user: SessionUser | null;
  /** The org the client is working in (cookie); null means "my first org". */
  requestedOrgId: string | null;
}

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        field: cause instanceof DomainError ? (cause.field ?? null) : null,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
      },
    };
  },
});

const TRPC_CODES: Record<DomainErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
};

// Domain errors become the matching tRPC error, keeping the message and offending field.
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
    if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: z.prettifyError(cause), cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(domainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Administrators of the installation itself (the job executor's runs serve every org). */
export const instanceAdminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  if (!(await isInstanceAdmin(ctx.db, ctx.user.id))) throw new TRPCError({ code: "FORBIDDEN", message: "Only administrators of this installation can do this" });
  return next();
});

function requireRole(minRole: Role) {
  return protectedProcedure.use(async ({ ctx, next }) => {
    const org = await memberOrgContext(ctx.db, ctx.user, ctx.requestedOrgId, minRole);
    return next({ ctx: { ...ctx, org } });
  });
}

/** Any member of the current org. */
export const orgProcedure = requireRole("MEMBER");
/** Admins and owners of the current org. */
export const adminProcedure = requireRole("ADMIN");
