import { MessageSquareText } from "lucide-react";
import type { ReactNode } from "react";

/** The narrow, centred page used outside the dashboard: sign-in, sign-up, onboarding, invitations. */
export function CenteredPage({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2 text-xl font-semibold">
        <MessageSquareText className="h-6 w-6 text-brand-600" aria-hidden />
        Textstack
      </div>
      <div className={wide ? "w-full max-w-md" : "w-full max-w-sm"}>{children}</div>
    </main>
  );
}
