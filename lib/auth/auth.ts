// Auth.js (next-auth v5): email + password, JWT sessions (the credentials provider needs them).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

const log = logger.child({ component: "auth" });

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Self-hosted behind any host name or proxy; Auth.js otherwise needs AUTH_URL configured.
  trustHost: true,
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome shown on the form, not a server error to log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log.error({ err: error }, error.message);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const user = await verifyCredentials(db, credentials);
        if (!user) throw new InvalidCredentials();
        return user;
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
