import { Prisma } from "@/lib/generated/prisma/client";

/** True when a write failed on a unique constraint (a concurrent insert of the same key). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
