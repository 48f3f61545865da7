// Server-side session helpers for pages and server actions.
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";

export async function currentUser() {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? "", name: user.name ?? "" };
}

export async function requireUser() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
