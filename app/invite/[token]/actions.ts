"use server";
// Accepting an invitation, and switching account when the signed-in one is not the invited email.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { switchOrgAction } from "@/lib/auth/actions";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/members/invitations";
import { ACTIVE_ORG_COOKIE } from "@/lib/orgs/active-org-cookie";

export interface AcceptInviteState {
  error: string | null;
}

const invitePath = (token: string) => `/invite/${encodeURIComponent(token)}`;

export async function acceptInviteAction(_prev: AcceptInviteState, form: FormData): Promise<AcceptInviteState> {
  const token = String(form.get("token") ?? "");
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(invitePath(token))}`);
  let orgId: string;
  try {
    orgId = (await acceptInvitation(db, user, token)).id;
  } catch (error) {
    // Wrong account, or the link was used or revoked since the page loaded: say so on the page.
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
  await switchOrgAction(orgId);
  redirect("/contacts");
}

/** Signs out and comes back to the invitation through sign-in, to accept it as the invited email. */
export async function switchAccountAction(form: FormData) {
  const token = String(form.get("token") ?? "");
  (await cookies()).delete(ACTIVE_ORG_COOKIE);
  await signOut({ redirectTo: `/sign-in?next=${encodeURIComponent(invitePath(token))}` });
}
