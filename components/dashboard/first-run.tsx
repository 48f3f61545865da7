// A new org's dashboard: the three steps to its first figures, each a link.
import { ContactRound, PlugZap, Smartphone } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";

export function FirstRun({ hasContacts }: { hasContacts: boolean }) {
  const steps = [
    { icon: ContactRound, title: "Add contacts", text: hasContacts ? "Done: add more, or import a CSV." : "Add people one by one or import a CSV.", href: "/contacts", done: hasContacts },
    { icon: Smartphone, title: "Send a test", text: "Text a virtual phone and watch it get delivered, no carrier needed.", href: "/phones", done: false },
    { icon: PlugZap, title: "Connect a carrier", text: "Twilio or SMPP, when you are ready to text real phones.", href: "/settings/connections", done: false },
  ];
  return (
    <Card className="p-6">
      <h2 className="text-base font-semibold">Nothing sent yet</h2>
      <p className="mt-1 text-sm text-zinc-500">Your figures, charts and alerts show up here once your first messages go out.</p>
      <ol className="mt-5 grid gap-3 sm:grid-cols-3">
        {steps.map((s, i) => (
          <li key={s.href}>
            <Link href={s.href} className="block h-full rounded-lg border border-zinc-200 p-4 hover:border-brand-500 dark:border-zinc-800">
              <s.icon className="h-5 w-5 text-brand-600 dark:text-brand-100" aria-hidden />
              <p className="mt-2 text-sm font-semibold">
                {i + 1}. {s.title}
                {s.done && <span className="ml-2 text-xs font-medium text-emerald-600 dark:text-emerald-400">✓</span>}
              </p>
              <p className="mt-1 text-xs text-zinc-500">{s.text}</p>
            </Link>
          </li>
        ))}
      </ol>
    </Card>
  );
}
