"use server";
// Server actions behind the sign-in, sign-up and sign-out forms and the org switcher.
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { currentUser } from "@/lib/auth/session";
import { signUp, signUpInput } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { ACTIVE_ORG_COOKIE } from "@/lib/orgs/active-org-cookie";

export interface AuthFormState {
  error: string | null;
  fields: Record<string, string>;
  values?: Record<string, string>;
}

/** Only same-site paths: a ?next= parameter must not send people to another host. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") ? next : "/dashboard";
}

export async function signInAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", { email, password: form.get("password"), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { error: "Wrong email or password", fields: {}, values: { email } };
    throw error;
  }
  redirect(safeNext(form.get("next")));
}

export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const raw = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const values = { name: raw.name, email: raw.email };
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return { error: null, fields, values };
  }
  try {
    await signUp(db, raw);
  } catch (error) {
    if (error instanceof DomainError) return { error: null, fields: { [error.field ?? "email"]: error.message }, values };
    throw error;
  }
  await signIn("credentials", { email: raw.email, password: raw.password, redirect: false });
  redirect(safeNext(form.get("next")) === "/dashboard" ? "/onboarding" : safeNext(form.get("next")));
}

export async function signOutAction() {
  (await cookies()).delete(ACTIVE_ORG_COOKIE);
  await signOut({ redirectTo: "/sign-in" });
}

/** Makes `orgId` the org the dashboard works in (membership is checked on every request). */
export async function switchOrgAction(orgId: string) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const membership = await db.membership.findUnique({ where: { orgId_userId: { orgId, userId: user.id } } });
  if (!membership) throw new Error("You are not a member of this organisation");
  (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 86_400 });
}
