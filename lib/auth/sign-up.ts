import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

export const credentialsInput = z.object({
  email: z.email("Enter a valid email address").transform((e) => e.trim().toLowerCase()),
  password: z.string().min(1, "Enter your password"),
});

export const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: z.email("Enter a valid email address").transform((e) => e.trim().toLowerCase()),
  password: z.string().min(8, "Use at least 8 characters").max(200),
});
export type SignUpInput = z.input<typeof signUpInput>;

export async function signUp(db: Db, raw: SignUpInput) {
  const input = signUpInput.parse(raw);
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing) throw new DomainError("CONFLICT", "An account with this email already exists", "email");
  return db.user.create({
    data: {
      id: newId("user"),
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      // The first account on a fresh installation administers it.
      isInstanceAdmin: (await db.user.count()) === 0,
    },
    select: { id: true, email: true, name: true, isInstanceAdmin: true },
  });
}

/** The user for these credentials, or null; the same work is done for unknown emails. */
export async function verifyCredentials(db: Db, raw: unknown) {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  return user && ok ? { id: user.id, email: user.email, name: user.name } : null;
}

// Compared against when the email is unknown, so response time does not reveal which emails exist.
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
