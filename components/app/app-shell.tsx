"use client";
import { useQueryClient } from "@tanstack/react-query";
import { LogOut, Menu, MessageSquareText, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { NAV_ITEMS } from "@/components/app/nav";
import { NavUnread } from "@/components/inbox/nav-unread";
import { ThemeToggle } from "@/components/app/theme";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/input";
import { signOutAction, switchOrgAction } from "@/lib/auth/actions";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasRole, ROLE_LABELS } from "@/lib/members/roles";
import { setActiveOrgId } from "@/lib/trpc/react";

interface ShellProps {
  user: { name: string; email: string; isInstanceAdmin: boolean };
  orgs: { id: string; name: string; role: Role }[];
  activeOrg: { id: string; name: string; role: Role };
  children: ReactNode;
}

export function AppShell({ user, orgs, activeOrg, children }: ShellProps) {
  const pathname = usePathname();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [switching, startSwitch] = useTransition();
  // Narrow screens: the sidebar folds into a top bar whose menu opens it; a navigation closes it.
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  // Before children render and query: their calls must carry this org.
  setActiveOrgId(activeOrg.id);
  const items = NAV_ITEMS.filter(
    (item) => (!item.adminOnly || hasRole(activeOrg.role, "ADMIN")) && (!item.instanceAdminOnly || user.isInstanceAdmin),
  );

  function switchOrg(orgId: string) {
    if (orgId === "__new") return router.push("/onboarding");
    startSwitch(async () => {
      await switchOrgAction(orgId);
      queryClient.clear();
      router.push("/dashboard");
      router.refresh();
      toast.success(`Switched to ${orgs.find((o) => o.id === orgId)?.name}`);
    });
  }

  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      {/* Sticky on a phone too: the menu stays at hand down a long list; open, it scrolls in itself. */}
      <aside className="sticky top-0 z-30 flex max-h-dvh shrink-0 flex-col overflow-y-auto border-b border-zinc-200 bg-white px-3 py-3 md:h-screen md:max-h-none md:overflow-visible md:w-60 md:border-b-0 md:border-r md:py-4 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex items-center justify-between md:mb-4">
          <Link href="/dashboard" className="flex items-center gap-2 px-2 text-lg font-semibold">
            <MessageSquareText className="h-5 w-5 text-brand-600" aria-hidden />
            Textstack
          </Link>
          <Button
            variant="ghost"
            size="icon"
            className="md:hidden"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            aria-label={menuOpen ? "Close menu" : "Open menu"}
            onClick={() => setMenuOpen(!menuOpen)}
          >
            {menuOpen ? <X className="h-5 w-5" aria-hidden /> : <Menu className="h-5 w-5" aria-hidden />}
          </Button>
        </div>
        <div id="app-menu" className={cn("mt-3 flex-1 flex-col md:mt-0 md:flex", menuOpen ? "flex" : "hidden")}>
          <label className="mb-4 px-2 text-xs font-medium text-zinc-500">
            Organisation
            <Select
              className="mt-1"
              value={activeOrg.id}
              disabled={switching}
              onChange={(e) => switchOrg(e.target.value)}
              aria-label="Switch organisation"
            >
              {orgs.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
              <option value="__new">+ New organisation…</option>
            </Select>
          </label>
          <nav aria-label="Main" className="flex-1 space-y-1">
            {items.map(({ href, label, icon: Icon, badge }) => {
              const active = pathname === href || pathname.startsWith(`${href}/`);
              return (
                <Link
                  key={href}
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium",
                    active
                      ? "bg-brand-50 text-brand-700 dark:bg-brand-700/20 dark:text-brand-100"
                      : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
                  )}
                >
                  <Icon className="h-4 w-4" aria-hidden />
                  {label}
                  {badge === "inboxUnread" && <NavUnread />}
                </Link>
              );
            })}
          </nav>
          <div className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <div className="flex items-center justify-between gap-2 px-2">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium" data-testid="user-name">{user.name}</p>
                <p className="truncate text-xs text-zinc-500">
                  {user.email} · {ROLE_LABELS[activeOrg.role]}
                </p>
              </div>
              <ThemeToggle />
            </div>
            <form action={signOutAction} className="mt-2">
              <Button type="submit" variant="ghost" size="sm" className="w-full">
                <LogOut className="h-4 w-4" aria-hidden /> Sign out
              </Button>
            </form>
          </div>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
        {children}
      </main>
    </div>
  );
}
