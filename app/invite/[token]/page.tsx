import type { Metadata } from "next";
import Link from "next/link";
import { switchAccountAction } from "@/app/invite/[token]/actions";
import { CenteredPage } from "@/components/app/centered-page";
import { AcceptInviteForm } from "@/components/invite/accept-invite-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findInvitation } from "@/lib/members/invitations";
import { ROLE_LABELS } from "@/lib/members/roles";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([findInvitation(db, token), currentUser()]);

  if (!invitation) {
    return (
      <CenteredPage wide>
        <Card className="p-6">
          <h1 className="text-lg font-semibold">Invitation not available</h1>
          <p role="alert" className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            This invitation link is invalid, used or expired. Ask the person who invited you for a new link.
          </p>
          <Link href={user ? "/contacts" : "/sign-in"} className={buttonClass({ variant: "secondary", className: "mt-6" })}>
            {user ? "Go to the dashboard" : "Sign in"}
          </Link>
        </Card>
      </CenteredPage>
    );
  }

  const next = `?next=${encodeURIComponent(`/invite/${token}`)}`;
  const wrongAccount = user != null && user.email.toLowerCase() !== invitation.email;
  return (
    <CenteredPage wide>
      <Card className="p-6">
        <h1 className="text-lg font-semibold">Join {invitation.org.name}</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          You have been invited to join <strong data-testid="invite-org">{invitation.org.name}</strong> on Textstack as{" "}
          <strong data-testid="invite-role">{ROLE_LABELS[invitation.role]}</strong>.
        </p>
        <p className="mt-1 text-sm text-zinc-500">
          This invitation is for <span className="font-medium text-zinc-700 dark:text-zinc-300">{invitation.email}</span>.
        </p>

        {!user && (
          <div className="mt-6 space-y-3">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Sign in or create an account with that email to accept.</p>
            <div className="flex gap-2">
              <Link href={`/sign-in${next}`} className={buttonClass({ className: "flex-1 justify-center" })}>
                Sign in
              </Link>
              <Link href={`/sign-up${next}`} className={buttonClass({ variant: "secondary", className: "flex-1 justify-center" })}>
                Create account
              </Link>
            </div>
          </div>
        )}

        {user && (
          <div className="mt-6 space-y-4">
            <p className="text-sm text-zinc-500">
              Signed in as <span className="font-medium text-zinc-700 dark:text-zinc-300">{user.email}</span>
              {wrongAccount && ", which is not the invited email"}.
            </p>
            <AcceptInviteForm token={token} />
            <form action={switchAccountAction}>
              <input type="hidden" name="token" value={token} />
              <Button type="submit" variant="ghost" size="sm" className="w-full justify-center">
                Use a different account
              </Button>
            </form>
          </div>
        )}
      </Card>
    </CenteredPage>
  );
}
