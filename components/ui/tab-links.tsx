"use client";
// A tab bar of links to sub-routes (Settings, Developers): each section is its own small page. A
// tab stays active on its own sub-pages; the first tab (the area's root) only on itself.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export interface TabLink {
  href: string;
  label: string;
}

export function TabLinks({ tabs, label }: { tabs: readonly TabLink[]; label: string }) {
  const pathname = usePathname();
  const root = tabs[0]?.href;
  return (
    // Scrolls sideways on narrow screens rather than widening the page; the line under the tabs is
    // an inset shadow because a scrolling box would clip the active tab's border laid over a real one.
    <nav
      aria-label={label}
      className="mb-6 flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-zinc-200)] dark:shadow-[inset_0_-1px_0_var(--color-zinc-800)]"
    >
      {tabs.map(({ href, label: text }) => {
        const active = href === root ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              active
                ? "border-brand-600 text-brand-700 dark:text-brand-100"
                : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
            )}
          >
            {text}
          </Link>
        );
      })}
    </nav>
  );
}
